/**
 * `npm run bench`: generates (seeded) a CloudTrail corpus and measures, in one run and
 * each as its own process, gunzip alone, gunzip + JSON.parse (the baseline),
 * `trailwatch scan` with the whole catalog and its parts, jq and DuckDB doing one
 * filter, engine scaling, `--jobs`, one ≥ 1 GB file and the Lambda bundles. Writes
 * `<out>/<timestamp>.json` and `.md`. Method: docs/performance.md.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildPrograms } from './build.js';
import { type Corpus, ensureCorpus, ensureLargeFile, type LargeFile } from './corpus.js';
import { measureLambdas } from './lambda.js';
import { detectTools } from './measure.js';
import { type BenchOptions, parseBenchArgs } from './options.js';
import { largeGroup, mainGroup, parallelGroup } from './plan.js';
import { markdown, type Row, rowsOf, type Verdicts, verdicts } from './report.js';
import { type GroupRuns, runGroup } from './rounds.js';

/** Everything one benchmark run wrote to its results file. */
export interface BenchResults {
  readonly schema: 'trailwatch-bench/1';
  readonly command: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly options: BenchOptions;
  readonly machine: Record<string, unknown>;
  readonly corpus: Omit<Corpus, 'files'> & { readonly files: number };
  readonly large?: LargeFile;
  readonly rows: readonly Row[];
  readonly verdicts: Verdicts;
  readonly lambda?: Awaited<ReturnType<typeof measureLambdas>>;
}

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Runs the benchmark; returns the results and where they were written. */
export async function runBench(
  o: BenchOptions,
  log: (line: string) => void,
  command = 'npm run bench',
): Promise<{ results: BenchResults; json: string; markdown: string }> {
  const startedAt = new Date();
  const tools = detectTools();
  const data = resolve(o.data);
  const tmp = join(data, 'tmp');
  mkdirSync(tmp, { recursive: true });
  log(`tools: ${JSON.stringify(tools)}`);
  const programs = await buildPrograms(ROOT, join(data, 'build'));
  const corpus = await ensureCorpus(data, o.events, o.files, o.seed, log);
  const listFile = join(tmp, 'main-files.txt');
  writeFileSync(listFile, `${corpus.files.join('\n')}\n`);

  const rows: Row[] = [];
  const main = mainGroup(o, corpus, programs, tools, listFile, tmp, ROOT);
  rows.push(...rowsOf(main, await runGroup(main, o.runs, tools, log)));
  let parallel: GroupRuns | undefined;
  if (o.jobs > 1) {
    const group = parallelGroup(o, corpus, programs, listFile, tmp);
    parallel = await runGroup(group, o.runs, tools, log);
    rows.push(...rowsOf(group, parallel));
  }
  let large: LargeFile | undefined;
  if (o.largeMb > 0) {
    large = await ensureLargeFile(data, o.largeMb, o.seed, log);
    const largeList = join(tmp, 'large-files.txt');
    writeFileSync(largeList, `${large.path}\n`);
    const group = largeGroup(o, large, programs, largeList, tmp);
    rows.push(...rowsOf(group, await runGroup(group, o.runs, tools, log)));
  }
  const lambda = o.lambda
    ? await measureLambdas(ROOT, join(data, 'lambda'), programs.lambdaInit, o.runs, tools)
    : undefined;

  const v = verdicts(rows, parallel, o.jobs);
  const cpu = cpus()[0]?.model ?? 'unknown';
  const machine = {
    cpu,
    cpus: cpus().length,
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadavg(),
    tools,
  };
  const { files, ...corpusInfo } = corpus;
  const results: BenchResults = {
    schema: 'trailwatch-bench/1',
    command,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    options: o,
    machine,
    corpus: { ...corpusInfo, files: files.length },
    ...(large ? { large } : {}),
    rows,
    verdicts: v,
    ...(lambda ? { lambda } : {}),
  };
  const header = [
    `## trailwatch benchmark, ${startedAt.toISOString().slice(0, 16)}Z`,
    '',
    `Command: \`${command}\`. Machine: ${cpus().length} × ${cpu}, Node ${process.version}, load average at start ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')}.`,
    `Corpus: ${corpus.events.toLocaleString('en-US')} events in ${files.length} files, ${(corpus.uncompressedBytes / 1e6).toFixed(0)} MB JSON (${(corpus.storedBytes / 1e6).toFixed(0)} MB gzip), seed ${o.seed}. ` +
      `${o.runs} interleaved runs after a warm-up; medians; ratios are medians of per-round ratios.`,
  ];
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  mkdirSync(o.out, { recursive: true });
  const jsonPath = join(o.out, `${stamp}.json`);
  const mdPath = join(o.out, `${stamp}.md`);
  writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
  const text = markdown(rows, v, lambda, header);
  writeFileSync(mdPath, text);
  return { results, json: jsonPath, markdown: mdPath };
}

async function main(argv: readonly string[]): Promise<number> {
  const options = parseBenchArgs(argv);
  if (typeof options === 'number') return options;
  const log = options.quiet ? () => {} : (line: string) => process.stderr.write(`${line}\n`);
  const command = `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`;
  const { json, markdown: md, results } = await runBench(options, log, command);
  process.stdout.write(
    `${markdown(results.rows, results.verdicts, results.lambda, [])}\nresults: ${json}\n          ${md}\n`,
  );
  return results.verdicts.identicalAlerts === false ? 1 : 0;
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 2;
    },
  );
}
