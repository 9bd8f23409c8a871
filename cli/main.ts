import { Command, CommanderError } from 'commander';
import { ZodError } from 'zod';
import { ClosedPipeError, EXIT_CLOSED_PIPE } from './closed-pipe.js';
import { detectorsCommand } from './commands/detectors.js';
import { investigateCommand } from './commands/investigate.js';
import { ipRangesCommand } from './commands/ip-ranges.js';
import { metricsScanCommand } from './commands/metrics-scan.js';
import { runbookCommand } from './commands/runbook.js';
import { scanCommand } from './commands/scan.js';
import { testDetectorsCommand } from './commands/test-detectors.js';
import { type CliIo, EXIT, processIo, UsageError } from './io.js';

/** Builds the `trailwatch` program. Each command sets `exitCode` through the returned holder. */
function program(io: CliIo, result: { exitCode: number }): Command {
  const root = new Command('trailwatch')
    .description(
      'Security monitoring for AWS CloudTrail: run detectors over logs and report alerts with runbooks.',
    )
    .version('0.1.0')
    .addCommand(scanCommand(io, result))
    .addCommand(detectorsCommand(io))
    .addCommand(testDetectorsCommand(io, result))
    .addCommand(investigateCommand(io, result))
    .addCommand(runbookCommand(io))
    .addCommand(metricsScanCommand(io, result))
    .addCommand(ipRangesCommand(io));
  return configureEvery(root, io);
}

/**
 * commander 14 gives a command added with `.addCommand()` none of its parent's
 * settings: without its own `exitOverride()`, a bad option on `scan` made commander
 * exit the process with 1, which means "alerts found". Every command, at any depth,
 * throws instead (so `main` returns 2) and writes help and errors to `io`.
 */
function configureEvery(command: Command, io: CliIo): Command {
  command
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .exitOverride()
    .showHelpAfterError(`(run "${commandPath(command)} --help" for usage)`);
  for (const sub of command.commands) configureEvery(sub, io);
  return command;
}

/** `trailwatch ip-ranges update`: the words that run `command`. */
function commandPath(command: Command): string {
  const words: string[] = [];
  for (let c: Command | null = command; c !== null; c = c.parent) words.unshift(c.name());
  return words.join(' ');
}

/**
 * Runs the CLI and returns the exit code instead of exiting, so tests can call it.
 * Usage and input errors print one line naming the problem and return 2.
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const result = { exitCode: EXIT.ok };
  try {
    await program(io, result).parseAsync([...argv], { from: 'user' });
    return result.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version arrive here too, with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof ClosedPipeError) return EXIT_CLOSED_PIPE;
    if (error instanceof UsageError) {
      io.stderr.write(`trailwatch: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof ZodError) {
      io.stderr.write(`trailwatch: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
