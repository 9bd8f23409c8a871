import { availableParallelism } from 'node:os';
import { Command, InvalidArgumentError } from 'commander';

/** What one benchmark run measures, and on how much data. */
export interface BenchOptions {
  /** Events in the main corpus (many gzip'd files in the S3 layout). */
  readonly events: number;
  readonly files: number;
  readonly seed: string;
  /** Size of the single large file in MB (10^6 bytes uncompressed); 0 skips that case. */
  readonly largeMb: number;
  /** Measured runs per method (after one discarded warm-up run). */
  readonly runs: number;
  /** Workers for the parallel row; 1 skips it. */
  readonly jobs: number;
  /** Results folder: `<out>/<timestamp>.json` and `.md`. */
  readonly out: string;
  /** Where corpora and bundles are kept between runs. */
  readonly data: string;
  /** Detector counts for the engine-scaling rows; empty skips them. */
  readonly scaling: readonly number[];
  /** Skip the Lambda bundle and cold-start rows. */
  readonly lambda: boolean;
  /** Pin single-core rows to CPU 0 with taskset (when installed). */
  readonly pin: boolean;
  /** Also time the CLI as a fresh clone runs it (TypeScript through tsx). */
  readonly tsx: boolean;
  readonly quiet: boolean;
}

export const DEFAULTS: BenchOptions = {
  events: 300_000,
  files: 150,
  seed: 'bench-1',
  largeMb: 1024,
  runs: 5,
  jobs: availableParallelism(),
  out: 'bench-results',
  data: 'bench-data',
  scaling: [10, 100, 300],
  lambda: true,
  pin: true,
  tsx: true,
  quiet: false,
};

/** The small variant CI runs (no timing assertions): seconds, not minutes. */
export const SMALL: Partial<BenchOptions> = {
  events: 3000,
  files: 6,
  largeMb: 5,
  runs: 1,
  jobs: 2,
  scaling: [10, 300],
  tsx: false,
};

function integer(min: number) {
  return (value: string): number => {
    const n = Number(value.replaceAll('_', ''));
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`an integer >= ${min}`);
    return n;
  };
}

function counts(value: string): number[] {
  if (value === '' || value === 'none') return [];
  return value.split(',').map((part) => integer(1)(part.trim()));
}

/** Parses flags; returns an exit code instead when it printed help or a usage error. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions | number {
  const program = new Command('bench')
    .description(
      'Benchmark trailwatch scan against gunzip + JSON.parse (and jq, DuckDB) on a seeded corpus.',
    )
    .option('--small', 'the CI variant: tiny corpus, one run (override any part with flags)')
    .option('--events <n>', `events in the main corpus (default ${DEFAULTS.events})`, integer(1))
    .option('--files <n>', `files in the main corpus (default ${DEFAULTS.files})`, integer(1))
    .option('--seed <s>', `corpus seed (default ${DEFAULTS.seed})`)
    .option(
      '--large-mb <n>',
      `single large file, MB uncompressed; 0 skips it (default ${DEFAULTS.largeMb})`,
      integer(0),
    )
    .option(
      '--runs <n>',
      `measured runs per method after a warm-up (default ${DEFAULTS.runs})`,
      integer(1),
    )
    .option('--jobs <n>', 'workers for the parallel rows; 1 skips them (default: CPUs)', integer(1))
    .option(
      '--scaling <list>',
      'detector counts for engine scaling, or none (default 10,100,300)',
      counts,
    )
    .option('--out <dir>', `results folder (default ${DEFAULTS.out})`)
    .option('--data <dir>', `corpora and bundles, reused between runs (default ${DEFAULTS.data})`)
    .option('--no-lambda', 'skip Lambda bundle sizes and cold starts')
    .option('--no-pin', 'do not pin single-core rows to CPU 0')
    .option('--no-tsx', 'skip the row for the CLI run from TypeScript source')
    .option('--quiet', 'print only the table')
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
  const base = { ...DEFAULTS, ...(o.small ? SMALL : {}) };
  return {
    events: o.events ?? base.events,
    files: o.files ?? base.files,
    seed: o.seed ?? base.seed,
    largeMb: o.largeMb ?? base.largeMb,
    runs: o.runs ?? base.runs,
    jobs: o.jobs ?? base.jobs,
    scaling: o.scaling ?? base.scaling,
    out: o.out ?? base.out,
    data: o.data ?? base.data,
    lambda: o.lambda !== false && base.lambda,
    pin: o.pin !== false && base.pin,
    tsx: o.tsx !== false && base.tsx,
    quiet: o.quiet === true,
  };
}
