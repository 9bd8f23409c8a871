import { join } from 'node:path';
import { SCAN_NODE_FLAGS } from '../../bin/node-flags.mjs';
import type { Programs } from './build.js';
import type { Corpus, LargeFile } from './corpus.js';
import type { Command, Tools } from './measure.js';
import type { BenchOptions } from './options.js';

/** Which table a row belongs to in the report. */
export type Table = 'main' | 'breakdown' | 'reference' | 'scaling' | 'parallel' | 'large';

/** One thing to time, run as its own process. */
export interface Method {
  readonly id: string;
  readonly label: string;
  /** The command as a reader would type it (shown in the report). */
  readonly shown: string;
  readonly command: Command;
  readonly table: Table;
  /** Events and uncompressed bytes it reads (events/s and MB/s are computed from them). */
  readonly events: number;
  readonly bytes: number;
  /** Run once, without warm-up (a method expected to fail, or too slow to repeat). */
  readonly once?: boolean;
  /** A file the method writes its alerts to (JSON Lines), hashed after each run. */
  readonly alertsFile?: string;
}

/** Methods timed in interleaved rounds against one reference method. */
export interface Group {
  readonly id: 'main' | 'parallel' | 'large';
  readonly title: string;
  readonly reference: string;
  readonly methods: readonly Method[];
}

const node = (script: string, ...args: string[]) => [process.execPath, script, ...args];

/**
 * `trailwatch scan <input> … --format jsonl --out <out>` from the bundled CLI, started as
 * bin/trailwatch.mjs starts a scan (with its V8 flags) unless `nodeFlags` says otherwise.
 */
function cliScan(
  programs: Programs,
  input: string,
  out: string,
  options: readonly string[] = [],
  nodeFlags: readonly string[] = SCAN_NODE_FLAGS,
): string[] {
  return [
    process.execPath,
    ...nodeFlags,
    programs.cli,
    'scan',
    input,
    ...options,
    '--format',
    'jsonl',
    '--out',
    out,
    '--no-progress',
  ];
}

/** The single-core rows on the main corpus: references, the scan, its parts, jq, DuckDB, scaling. */
export function mainGroup(
  o: BenchOptions,
  corpus: Corpus,
  programs: Programs,
  tools: Tools,
  listFile: string,
  tmp: string,
  root: string,
): Group {
  const pin = o.pin;
  const base = { events: corpus.events, bytes: corpus.uncompressedBytes };
  const list = ['--list', listFile];
  const cliAlerts = join(tmp, 'alerts-scan.jsonl');
  const methods: Method[] = [
    {
      id: 'baseline',
      label: 'gunzip + JSON.parse per file (baseline)',
      shown: 'node baseline.js --mode parse',
      command: { argv: node(programs.baseline, '--mode', 'parse', ...list), pin },
      table: 'main',
      ...base,
    },
    {
      id: 'gunzip',
      label: 'gunzip only',
      shown: 'node baseline.js --mode gunzip',
      command: { argv: node(programs.baseline, '--mode', 'gunzip', ...list), pin },
      table: 'main',
      ...base,
    },
    {
      id: 'scan',
      label: '`trailwatch scan`, whole catalog',
      shown: `trailwatch scan ${corpus.dir} --format jsonl --out alerts.jsonl`,
      command: {
        argv: cliScan(programs, corpus.dir, cliAlerts),
        pin,
      },
      table: 'main',
      alertsFile: cliAlerts,
      ...base,
    },
    {
      id: 'scan-default-young',
      label:
        "`trailwatch scan` with V8's default young generation (without bin/trailwatch.mjs's flags)",
      shown: `node trailwatch.js scan ${corpus.dir} --format jsonl --out alerts.jsonl`,
      command: {
        argv: cliScan(programs, corpus.dir, join(tmp, 'alerts-scan-default-young.jsonl'), [], []),
        pin,
      },
      table: 'breakdown',
      alertsFile: join(tmp, 'alerts-scan-default-young.jsonl'),
      ...base,
    },
    {
      id: 'scan-exhaustive',
      label: 'scan, reference path (zod safeParse on every record)',
      shown: 'node scan.js --mode scan --exhaustive',
      command: { argv: node(programs.scan, '--mode', 'scan', '--exhaustive', ...list), pin },
      table: 'breakdown',
      ...base,
    },
    {
      id: 'scan-lib',
      label:
        'scan, fast path, through the library like the reference (one run, for the alert check)',
      shown: 'node scan.js --mode scan',
      command: { argv: node(programs.scan, '--mode', 'scan', ...list), pin },
      table: 'breakdown',
      once: true,
      ...base,
    },
    {
      id: 'ingest',
      label: 'ingest only: read, parse, validate (no detectors)',
      shown: 'node scan.js --mode ingest',
      command: { argv: node(programs.scan, '--mode', 'ingest', ...list), pin },
      table: 'breakdown',
      ...base,
    },
    {
      id: 'detect',
      label: 'ingest + every detector, no alerting',
      shown: 'node scan.js --mode detect --time-engine',
      command: { argv: node(programs.scan, '--mode', 'detect', '--time-engine', ...list), pin },
      table: 'breakdown',
      ...base,
    },
  ];
  if (o.tsx) {
    const alerts = join(tmp, 'alerts-scan-tsx.jsonl');
    methods.push({
      id: 'scan-tsx',
      label: '`trailwatch scan` from TypeScript source (bin/trailwatch.mjs, tsx)',
      shown: `node bin/trailwatch.mjs scan ${corpus.dir} --format jsonl --out alerts.jsonl`,
      command: {
        argv: node(
          join(root, 'bin', 'trailwatch.mjs'),
          'scan',
          corpus.dir,
          '--format',
          'jsonl',
          '--out',
          alerts,
          '--no-progress',
        ),
        pin,
      },
      table: 'breakdown',
      alertsFile: alerts,
      ...base,
    });
  }
  if (tools.jq && tools.zcat) {
    const filter = '.Records[] | select(.eventName=="PutBucketAcl")';
    methods.push({
      id: 'jq',
      label: 'zcat | jq, one filter',
      shown: `zcat <files> | jq -c '${filter}'`,
      command: {
        argv: [
          'sh',
          '-c',
          `n=$(zcat -- "$@" | jq -c '${filter}' | wc -l); echo "{\\"putBucketAcl\\": $n}"`,
          'jq-bench',
          ...corpus.files,
        ],
        pin,
      },
      table: 'reference',
      ...base,
    });
  }
  methods.push({
    id: 'duckdb',
    label: 'DuckDB read_json, typed columns, 1 thread, one filter',
    shown: "read_json(files, columns={Records:'STRUCT(eventSource VARCHAR, eventName VARCHAR)[]'})",
    command: { argv: node(programs.duckdb, '--threads', '1', ...list), pin },
    table: 'reference',
    ...base,
  });
  for (const n of o.scaling) {
    methods.push({
      id: `detect-${n}`,
      label: `ingest + ${n} synthetic indexed detectors`,
      shown: `node scan.js --mode detect --synthetic ${n}`,
      command: {
        argv: node(
          programs.scan,
          '--mode',
          'detect',
          '--time-engine',
          '--synthetic',
          String(n),
          '--truth',
          corpus.truth,
          ...list,
        ),
        pin,
      },
      table: 'scaling',
      ...base,
    });
  }
  return {
    id: 'main',
    title: `Main corpus, one core${pin && tools.taskset ? ' (taskset -c 0)' : ''}`,
    reference: 'baseline',
    methods,
  };
}

/** Unpinned: the scan on one worker and on `jobs`, against the unpinned baseline. */
export function parallelGroup(
  o: BenchOptions,
  corpus: Corpus,
  programs: Programs,
  listFile: string,
  tmp: string,
): Group {
  const base = { events: corpus.events, bytes: corpus.uncompressedBytes };
  const scan = (jobs: number): Method => {
    const alerts = join(tmp, `alerts-jobs-${jobs}.jsonl`);
    return {
      id: `scan-jobs-${jobs}`,
      label: `\`trailwatch scan --jobs ${jobs}\``,
      shown: `trailwatch scan ${corpus.dir} --jobs ${jobs} --format jsonl --out alerts.jsonl`,
      command: {
        argv: cliScan(programs, corpus.dir, alerts, ['--jobs', String(jobs)]),
        pin: false,
      },
      table: 'parallel',
      alertsFile: alerts,
      ...base,
    };
  };
  return {
    id: 'parallel',
    title: 'Main corpus, all cores (unpinned)',
    reference: 'baseline-unpinned',
    methods: [
      {
        id: 'baseline-unpinned',
        label: 'gunzip + JSON.parse per file (baseline, one thread)',
        shown: 'node baseline.js --mode parse',
        command: {
          argv: node(programs.baseline, '--mode', 'parse', '--list', listFile),
          pin: false,
        },
        table: 'parallel',
        ...base,
      },
      scan(1),
      scan(o.jobs),
    ],
  };
}

/** One file of ≥ 1 GB: streaming references, the scan, and whole-file parse (which fails). */
export function largeGroup(
  o: BenchOptions,
  large: LargeFile,
  programs: Programs,
  listFile: string,
  tmp: string,
): Group {
  const pin = o.pin;
  const base = { events: large.events, bytes: large.uncompressedBytes };
  const list = ['--list', listFile];
  const alerts = join(tmp, 'alerts-large.jsonl');
  return {
    id: 'large',
    title: `One file of ${(large.uncompressedBytes / 1e6).toFixed(0)} MB uncompressed, one core`,
    reference: 'split-stream',
    methods: [
      {
        id: 'split-stream',
        label: 'streaming gunzip + record splitter + JSON.parse per record',
        shown: 'node baseline.js --mode split-stream',
        command: { argv: node(programs.baseline, '--mode', 'split-stream', ...list), pin },
        table: 'large',
        ...base,
      },
      {
        id: 'gunzip-stream',
        label: 'streaming gunzip only',
        shown: 'node baseline.js --mode gunzip-stream',
        command: { argv: node(programs.baseline, '--mode', 'gunzip-stream', ...list), pin },
        table: 'large',
        ...base,
      },
      {
        id: 'scan-large',
        label: '`trailwatch scan`, whole catalog',
        shown: `trailwatch scan ${large.path} --format jsonl --out alerts.jsonl`,
        command: {
          argv: cliScan(programs, large.path, alerts),
          pin,
        },
        table: 'large',
        alertsFile: alerts,
        ...base,
      },
      {
        id: 'parse-whole-large',
        label: 'gunzip + one JSON.parse of the whole file',
        shown: 'node baseline.js --mode parse',
        command: { argv: node(programs.baseline, '--mode', 'parse', ...list), pin },
        table: 'large',
        once: true,
        ...base,
      },
    ],
  };
}
