/**
 * Writes a seeded, deterministic CloudTrail corpus: S3 log files as an
 * organisation trail delivers them, plus .truth.json (and, by default, a digest
 * file, an EventBridge sample and a JSON Lines sample). `npm run examples`
 * rebuilds examples/; the benchmark uses the same generator at larger sizes.
 */
import { pathToFileURL } from 'node:url';
import { Command, InvalidArgumentError, Option } from 'commander';
import { generateCorpus } from './corpus/generate.js';
import { type CorpusOptions, CorpusOptionsError, DEFAULT_OPTIONS } from './corpus/options.js';
import { CorpusTooSmallError } from './corpus/plan.js';

/** The arguments of `npm run examples` (package.json runs `tsx scripts/generate-corpus.ts` with these). */
export const EXAMPLES_ARGS = [
  '--out',
  'examples',
  '--events',
  '3000',
  '--files',
  '30',
  '--seed',
  'trailwatch-examples',
  '--org-trail',
  '--clean',
] as const;

function integer(value: string): number {
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(n)) throw new InvalidArgumentError('not an integer');
  return n;
}

function regionList(value: string): string[] {
  return value
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r.length > 0);
}

function isoDate(value: string): number {
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw new InvalidArgumentError('not an ISO date');
  return ms;
}

export interface ParsedArgs {
  readonly options: CorpusOptions;
  readonly clean: boolean;
  readonly quiet: boolean;
}

/** Parses CLI arguments; returns an exit code instead when it printed help or a usage error. */
export function parseArgs(argv: readonly string[]): ParsedArgs | number {
  const d = DEFAULT_OPTIONS;
  const program = new Command('generate-corpus')
    .description('Write a seeded sample CloudTrail corpus (S3 layout, gzip) and its .truth.json.')
    .option('--out <dir>', 'output directory', d.out)
    .option('--events <n>', 'records across the S3 log files', integer, d.events)
    .option('--files <n>', 'S3 log files', integer, d.files)
    .option('--seed <s>', 'seed: same arguments, byte-identical output', d.seed)
    .option('--attacks', 'seed attack scenarios (default)')
    .option('--no-attacks', 'no attack scenarios')
    .option('--decoys', 'seed benign look-alikes of attacks (default)')
    .option('--no-decoys', 'no decoys')
    .option('--accounts <n>', 'accounts in the organisation', integer, d.accounts)
    .addOption(
      new Option(
        '--regions <list>',
        'comma-separated regions (the first global region gets IAM, sign-in...)',
      )
        .argParser(regionList)
        .default([...d.regions], d.regions.join(',')),
    )
    .option('--org-trail', 'organisation trail keys AWSLogs/<o-org-id>/<account>/... (default)')
    .option('--no-org-trail', 'single-account trail keys AWSLogs/<account>/...')
    .option(
      '--extras',
      'also write a digest file, an EventBridge and a JSON Lines sample (default)',
    )
    .option('--no-extras', 'S3 log files and .truth.json only')
    .addOption(
      new Option('--start <iso>', 'start of the first delivery window (UTC)')
        .argParser(isoDate)
        .default(d.start, new Date(d.start).toISOString()),
    )
    .addOption(
      new Option(
        '--repeats <n>',
        'copies of each seeded scenario (default: 1 per 125,000 events)',
      ).argParser(integer),
    )
    .option(
      '--clean',
      'replace what an earlier run wrote in --out (AWSLogs/, eventbridge/, jsonl/, .truth.json)',
    )
    .option('--quiet', 'print nothing on success')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        `  npx tsx scripts/generate-corpus.ts ${EXAMPLES_ARGS.join(' ')}`,
        '  npx tsx scripts/generate-corpus.ts --out bench-data/corpus --events 1000000 --files 500 \\',
        '      --seed bench-1 --regions us-east-1,eu-west-1,us-west-2,ap-southeast-2 --no-extras --clean',
        '',
        'Same arguments give byte-identical files. .truth.json in --out lists every seeded',
        'attack and decoy with the detector ids expected (or forbidden) to fire.',
      ].join('\n'),
    )
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      writeOut: (s) => process.stdout.write(s),
    });
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    return (error as { exitCode?: number }).exitCode === 0 ? 0 : 2;
  }
  const o = program.opts();
  return {
    options: {
      out: o.out,
      events: o.events,
      files: o.files,
      seed: o.seed,
      attacks: o.attacks !== false,
      decoys: o.decoys !== false,
      accounts: o.accounts,
      regions: o.regions,
      orgTrail: o.orgTrail !== false,
      extras: o.extras !== false,
      start: o.start,
      ...(o.repeats !== undefined ? { repeats: o.repeats } : {}),
    },
    clean: o.clean === true,
    quiet: o.quiet === true,
  };
}

/** Parses arguments, generates, prints a one-line summary. Returns the exit code. */
export function main(argv: readonly string[]): number {
  const parsed = parseArgs(argv);
  if (typeof parsed === 'number') return parsed;
  const started = performance.now();
  try {
    const summary = generateCorpus(parsed.options, parsed.clean);
    if (!parsed.quiet) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const mb = (n: number) => (n / 1e6).toFixed(1);
      process.stdout.write(
        `wrote ${summary.files} log files, ${summary.events} events (${mb(summary.uncompressedBytes)} MB JSON, ` +
          `${mb(summary.storedBytes)} MB gzip), ${summary.attacks} attacks, ${summary.decoys} decoys ` +
          `to ${parsed.options.out} in ${seconds} s\n`,
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof CorpusOptionsError || error instanceof CorpusTooSmallError) {
      process.stderr.write(`generate-corpus: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  process.exitCode = main(process.argv.slice(2));
}
