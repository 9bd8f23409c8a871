import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../cli/io.js';
import { main } from '../../cli/main.js';
import { captureIo } from './capture-io.js';

const BIN = fileURLToPath(new URL('../../bin/trailwatch.mjs', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

/**
 * Bad usage of every command: [argv, what stderr must name]. None of them may start
 * work, and none may exit 1, which means "alerts found" to a CI gate.
 */
const USAGE_ERRORS: ReadonlyArray<readonly [readonly string[], RegExp]> = [
  [['--bogus'], /unknown option '--bogus'/],
  [['bogus'], /unknown command 'bogus'/],
  [[], /Usage: trailwatch/],
  [['scan', EXAMPLES, '--bogus'], /unknown option '--bogus'/],
  [['scan'], /missing required argument 'paths'/],
  [['scan', EXAMPLES, '--min-severity', 'loud'], /--min-severity must be one of .*"loud"/],
  [['scan', EXAMPLES, '--fail-on', 'nope'], /--fail-on must be one of/],
  [['scan', EXAMPLES, '--fail-on'], /option '--fail-on <severity>' argument missing/],
  [['scan', EXAMPLES, '--jobs', '-1'], /--jobs must be a whole number .*"-1"/],
  [['scan', EXAMPLES, '--jobs', '0'], /--jobs must be/],
  [['scan', EXAMPLES, '--format', 'xml'], /--format must be one of table, json, jsonl/],
  [['detectors', '--bogus'], /unknown option '--bogus'/],
  [['detectors', 'extra'], /too many arguments for 'detectors'/],
  [['detectors', '--format', 'xml'], /--format must be one of/],
  [['test-detectors', '--bogus'], /unknown option '--bogus'/],
  [['test-detectors', '--format', 'xml'], /--format must be one of/],
  [['test-detectors', '--only'], /option '--only <ids>' argument missing/],
  [['investigate'], /missing required argument 'runbook'/],
  [['investigate', 'credential-compromise', '--bogus'], /unknown option '--bogus'/],
  [['investigate', 'credential-compromise', '--engine', 'spark'], /--engine must be one of/],
  [['investigate', 'credential-compromise', '--since', 'yesterday'], /--since must be/],
  [['investigate', 'credential-compromise', '--param', 'start'], /--param takes key=value/],
  [['investigate', 'credential-compromise', '--logs', EXAMPLES], /window start is required/],
  [['runbook', '--bogus'], /unknown option '--bogus'/],
  [['runbook', 'credential-compromise', '--param', 'colour=red'], /--param takes key=value/],
  [['runbook', 'credential-compromise', '--param', 'start=soon'], /--param start must be/],
  [['runbook', 'credential-compromise', '--format', 'pdf'], /--format must be one of/],
  [['runbook', 'a', 'b'], /too many arguments for 'runbook'/],
  [['metrics-scan'], /missing required argument 'file'/],
  [['metrics-scan', 'm.json', '--bogus'], /unknown option '--bogus'/],
  [['metrics-scan', 'm.json', '--min-severity', 'loud'], /--min-severity must be one of/],
  [['metrics-scan', 'm.json', '--period', '7'], /--period must be/],
  [['ip-ranges', 'update', '--bogus'], /unknown option '--bogus'/],
  [['ip-ranges', 'bogus'], /unknown command 'bogus'/],
];

describe('usage errors exit 2 on every command', () => {
  it.each(USAGE_ERRORS)('%j', async (argv, message) => {
    const io = captureIo();

    const code = await main(argv, io);

    expect(code).toBe(EXIT.usage);
    expect(io.err()).toMatch(message);
    expect(io.out()).toBe('');
  });

  it('points a subcommand error at that subcommand’s help', async () => {
    const io = captureIo();

    await main(['scan', EXAMPLES, '--bogus'], io);

    expect(io.err()).toContain('(run "trailwatch scan --help" for usage)');
  });

  it.each([['scan'], ['investigate'], ['runbook'], ['metrics-scan'], ['ip-ranges', 'update']])(
    '%j --help exits 0 and writes to the command’s own stdout',
    async (...command) => {
      const io = captureIo();

      const code = await main([...command, '--help'], io);

      expect(code).toBe(EXIT.ok);
      expect(io.out()).toContain(`Usage: trailwatch ${command.join(' ')}`);
      expect(io.out()).toContain('Examples:');
    },
  );

  it('exits 2 through the installed bin too (the scan runs in a re-spawned node)', {
    timeout: 60_000,
  }, () => {
    const run = spawnSync(process.execPath, [BIN, 'scan', EXAMPLES, '--bogus'], {
      encoding: 'utf8',
    });

    expect(run.status).toBe(EXIT.usage);
    expect(run.stderr).toContain("unknown option '--bogus'");
  });
});
