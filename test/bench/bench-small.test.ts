import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenchResults, runBench } from '../../scripts/bench/bench.js';
import { DEFAULTS, parseBenchArgs, SMALL } from '../../scripts/bench/options.js';

// The CI variant of `npm run bench`: a tiny corpus, one run of every method. It checks
// that the harness works end to end and that the fast and exhaustive scans (and
// --jobs 1 and 2) give identical alerts; it never asserts on timings.
describe('npm run bench:small', { timeout: 600_000 }, () => {
  let dir: string;
  let results: BenchResults;
  let files: { json: string; markdown: string };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trailwatch-bench-'));
    const options = { ...DEFAULTS, ...SMALL, data: join(dir, 'data'), out: join(dir, 'results') };
    const run = await runBench(options, () => {}, 'npm run bench:small');
    results = run.results;
    files = { json: run.json, markdown: run.markdown };
  }, 600_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a results file that parses back to what was returned', () => {
    const written = JSON.parse(readFileSync(files.json, 'utf8')) as BenchResults;
    expect(written.schema).toBe('trailwatch-bench/1');
    expect(written.rows.length).toBe(results.rows.length);
    expect(written.corpus.events).toBe(SMALL.events);
  });

  it('measures every required method, each with a wall time, CPU time and peak RSS', () => {
    const ids = results.rows.map((r) => r.id);
    for (const id of ['baseline', 'gunzip', 'scan', 'scan-exhaustive', 'ingest', 'detect']) {
      expect(ids).toContain(id);
    }
    expect(ids).toEqual(expect.arrayContaining(['detect-10', 'detect-300', 'scan-jobs-2']));
    expect(ids).toEqual(expect.arrayContaining(['split-stream', 'scan-large']));
    for (const row of results.rows.filter((r) => r.id !== 'parse-whole-large')) {
      expect(row.failed, `${row.id}: ${row.failure}`).toBe(0);
      expect(row.wallSeconds.median, row.id).toBeGreaterThan(0);
      // Without GNU time only Node children report their own CPU and memory (not jq).
      if (row.id !== 'jq') {
        expect(row.cpuSeconds.median, row.id).toBeGreaterThan(0);
        expect(row.peakRssMiB, row.id).toBeGreaterThan(0);
      }
      expect(Number.isFinite(row.ratioWall), row.id).toBe(true);
    }
  });

  it('has every scan read every event of the corpus', () => {
    for (const id of ['baseline', 'scan', 'ingest', 'detect', 'detect-10', 'scan-jobs-2']) {
      expect(results.rows.find((r) => r.id === id)?.eventsOk, id).toBe(true);
    }
  });

  it('gets identical alerts from the fast path, the exhaustive path and --jobs', () => {
    const digests = results.verdicts.alertDigests;
    expect(Object.keys(digests)).toEqual(
      expect.arrayContaining(['scan-lib', 'scan-exhaustive', 'scan', 'scan-jobs-1', 'scan-jobs-2']),
    );
    // Not two empty outputs: the tiny corpus has seeded attacks.
    const empty = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    expect(digests['scan-lib']).not.toContain(empty);
    expect(digests.scan).not.toContain(empty);
    expect(digests['scan-exhaustive']).toEqual(digests['scan-lib']);
    expect(digests['scan-jobs-2']).toEqual(digests.scan);
    expect(digests['scan-jobs-1']).toEqual(digests.scan);
    expect(results.verdicts.identicalAlerts).toBe(true);
  });

  it('bundles both Lambda handlers and times their cold start', () => {
    const names = results.lambda?.bundles.map((b) => b.name);
    expect(names).toEqual(['s3-sqs', 'eventbridge']);
    for (const bundle of results.lambda?.bundles ?? []) {
      expect(bundle.bytes, bundle.name).toBeGreaterThan(10_000);
      expect(bundle.failed, bundle.name).toBe(0);
      expect(bundle.initMs, bundle.name).toBeGreaterThan(0);
    }
  });

  it('writes a Markdown report with the tables and the verdicts', () => {
    const text = readFileSync(files.markdown, 'utf8');
    expect(text).toContain('| method | median wall s');
    expect(text).toContain('### Against the targets of issue 8');
    expect(text).toContain('### Lambda bundles and cold start');
    expect(existsSync(files.markdown)).toBe(true);
  });
});

describe('bench flags', () => {
  it('takes sizes from flags, on top of --small', () => {
    const parsed = parseBenchArgs([
      '--small',
      '--events',
      '9000',
      '--runs',
      '2',
      '--scaling',
      'none',
    ]);
    expect(parsed).toMatchObject({ events: 9000, files: SMALL.files, runs: 2, scaling: [] });
  });

  it('refuses a bad size with a usage exit code', () => {
    expect(parseBenchArgs(['--events', 'many'])).toBe(2);
  });
});
