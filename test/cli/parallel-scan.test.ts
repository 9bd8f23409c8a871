import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertAggregator } from '../../alerting/aggregator.js';
import { type FindingSink, type PipelineStats, runPipeline } from '../../alerting/pipeline.js';
import type { CliIo } from '../../cli/io.js';
import { UsageError } from '../../cli/io.js';
import { main } from '../../cli/main.js';
import { parseJobs, runParallelScan } from '../../cli/parallel-scan.js';
import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import { DetectorEngine } from '../../detectors/engine.js';
import { DEFAULT_SETTINGS, type Finding } from '../../detectors/types.js';
import { listInputFiles, readFileBatches } from '../../ingest/index.js';
import { generateCorpus } from '../../scripts/corpus/generate.js';
import { DEFAULT_OPTIONS } from '../../scripts/corpus/options.js';

function captureIo(): CliIo & { err: () => string } {
  const err: string[] = [];
  const sink = (into: string[]) =>
    new Writable({
      write(chunk, _encoding, done) {
        into.push(String(chunk));
        done();
      },
    });
  return { stdout: sink([]), stderr: sink(err), err: () => err.join('') };
}

/** Keeps every finding in arrival order, and aggregates them as the scan does. */
class RecordingSink implements FindingSink {
  readonly seen: string[] = [];
  private readonly aggregator = new AlertAggregator();
  add(finding: Finding) {
    this.seen.push(`${finding.detector.id} ${finding.event.eventID} ${finding.dedupKey}`);
    return this.aggregator.add(finding);
  }
  flush() {
    return this.aggregator.flush();
  }
}

const CONFIG = `version: 1
settings:
  allowedRegions: [us-east-1]
detectors:
  access-denied-burst:
    severity: high
    threshold: { count: 5 }
suppressions:
  - id: quiet-lambda
    reason: load tests
    detectors: [lambda-invoke-burst]
`;

describe('scan --jobs', { timeout: 240_000 }, () => {
  let dir: string;
  let corpus: string;
  let config: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trailwatch-jobs-'));
    corpus = join(dir, 'corpus');
    // Files of ~8,000 events yield over 1,000 findings each: workers send them in parts.
    generateCorpus(
      { ...DEFAULT_OPTIONS, out: corpus, events: 24_000, files: 3, seed: 'jobs-test' },
      true,
    );
    // Bad input too: its errors must be reported in the same order.
    await mkdir(join(corpus, 'broken'), { recursive: true });
    await writeFile(join(corpus, 'broken', 'garbage.json.gz'), 'not gzip at all');
    await writeFile(
      join(corpus, 'broken', 'records.json.gz'),
      gzipSync('{"Records":[{"eventName":7},{"eventSource":"s3.amazonaws.com"}]}'),
    );
    config = join(dir, 'trailwatch.yaml');
    await writeFile(config, CONFIG);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('feeds the sink the same findings in the same order as a single-threaded scan', async () => {
    // Prepare
    const files = await listInputFiles([corpus]);
    const engine = new DetectorEngine(BUILTIN_DETECTORS, { settings: DEFAULT_SETTINGS });
    const single = new RecordingSink();
    const parallel = new RecordingSink();
    const errors: [string[], string[]] = [[], []];
    const done: [number[], number[]] = [[], []];

    // Act
    const one = await runPipeline(readFileBatches(files), engine, single, {
      onIngestError: (e) => errors[0].push(`${e.code} ${e.message}`),
      onObjectDone: (s: Readonly<PipelineStats>) => done[0].push(s.events),
    });
    const many = await runParallelScan(
      { files, jobs: 3, config: undefined },
      engine.detectors,
      parallel,
      {
        onIngestError: (e) => errors[1].push(`${e.code} ${e.message}`),
        onObjectDone: (s: Readonly<PipelineStats>) => done[1].push(s.events),
      },
    );

    // Assess
    expect(single.seen.length).toBeGreaterThan(2000);
    expect(parallel.seen).toEqual(single.seen);
    expect(many.input).toEqual(one.input);
    expect(many.alerts).toEqual(one.alerts);
    expect(many.stats).toEqual(one.stats);
    expect(errors[1]).toEqual(errors[0]);
    expect(errors[0].length).toBeGreaterThanOrEqual(3);
    expect(done[1]).toEqual(done[0]);
  });

  it('prints the same alerts and summary with --jobs 3 and a config as with --jobs 1', async () => {
    // Act
    const runs = [];
    for (const jobs of ['1', '3']) {
      const io = captureIo();
      const out = join(dir, `alerts-${jobs}.jsonl`);
      const exitCode = await main(
        ['scan', corpus, '--config', config, '--format', 'jsonl', '--out', out, '--jobs', jobs],
        io,
      );
      runs.push({ exitCode, alerts: await readFile(out, 'utf8'), err: io.err() });
    }

    // Assess: identical bytes, and the same summary but for the elapsed time.
    const [one, three] = runs as [(typeof runs)[0], (typeof runs)[0]];
    expect(one.alerts.split('\n').length).toBeGreaterThan(10);
    expect(one.alerts).toContain('activity-in-unapproved-region');
    expect(three.alerts).toBe(one.alerts);
    expect(three.exitCode).toBe(one.exitCode);
    const untimed = (s: string) => s.replace(/ in [\d.]+s/g, ' in Ns');
    expect(untimed(three.err)).toBe(untimed(one.err));
  });
});

describe('parseJobs', () => {
  it('accepts whole numbers and auto', () => {
    expect(parseJobs('4')).toBe(4);
    expect(parseJobs('auto')).toBeGreaterThanOrEqual(1);
  });

  it.each(['0', '-1', '1.5', 'many', '257'])('rejects %s', (value) => {
    expect(() => parseJobs(value)).toThrow(UsageError);
  });
});
