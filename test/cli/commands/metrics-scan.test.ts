import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Command, CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricsScanCommand } from '../../../cli/commands/metrics-scan.js';
import { type CliIo, EXIT, UsageError } from '../../../cli/io.js';
import type { MetricPoint } from '../../../ingest/metrics/types.js';
import { DAY, generate, officeHours, T0, withValue } from '../../fixtures/metrics/series.js';

const SPIKE_AT = T0 + 15 * DAY + 3 * 3_600_000;
let dir: string;

/** What `aws cloudwatch get-metric-data` prints for these series (newest first, ISO times). */
function cliOutput(series: Record<string, readonly MetricPoint[]>): string {
  const results = Object.entries(series).map(([label, points], i) => {
    const newestFirst = [...points].reverse();
    return {
      Id: `m${i}`,
      Label: label,
      Timestamps: newestFirst.map((p) => new Date(p.time).toISOString().replace('.000Z', '+00:00')),
      Values: newestFirst.map((p) => p.value),
      StatusCode: 'Complete',
    };
  });
  return JSON.stringify({ MetricDataResults: results, Messages: [] }, null, 2);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trailwatch-metrics-scan-'));
  const office = generate(officeHours, { days: 16 });
  await writeFile(
    join(dir, 'spike.json'),
    cliOutput({
      'billing-export Invocations': withValue(office, SPIKE_AT, 2400),
      'billing-export Errors': [{ time: SPIKE_AT, value: 812 }],
      'orders-api Invocations': generate(officeHours, { days: 16, seed: 4 }),
    }),
  );
  const csv = ['Label,Timestamp,Value'];
  for (const p of generate(officeHours, { days: 16, seed: 8 })) {
    csv.push(`orders-api,${new Date(p.time).toISOString()},${p.value}`);
  }
  await writeFile(join(dir, 'normal.csv'), `${csv.join('\n')}\n`);
  await writeFile(join(dir, 'bad.json'), '{"Records": []}');
  await writeFile(
    join(dir, 'tuned.yaml'),
    'settings:\n  lambdaSpikes:\n    functions:\n      billing-export: { minRatio: 500 }\n',
  );
  await writeFile(
    join(dir, 'suppress.yaml'),
    'suppressions:\n  - reason: load test of billing-export\n    detectors: [lambda-invocation-spike]\n    resources: ["*:function:billing-export"]\n',
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the command as `trailwatch` would: usage errors print one line and give exit code 2. */
async function cli(...args: string[]) {
  const chunks = { out: '', err: '' };
  const sink = (key: 'out' | 'err') =>
    new Writable({
      write(chunk, _encoding, done) {
        chunks[key] += String(chunk);
        done();
      },
    });
  const io: CliIo = { stdout: sink('out'), stderr: sink('err') };
  const result = { exitCode: EXIT.ok as number };
  const program = new Command('trailwatch')
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined })
    .addCommand(metricsScanCommand(io, result));
  try {
    await program.parseAsync(['metrics-scan', ...args], { from: 'user' });
  } catch (error) {
    if (error instanceof UsageError) {
      chunks.err += `trailwatch: ${error.message}\n`;
      result.exitCode = EXIT.usage;
    } else if (error instanceof CommanderError) result.exitCode = EXIT.usage;
    else throw error;
  }
  return { code: result.exitCode, ...chunks };
}

describe('trailwatch metrics-scan', () => {
  it('finds the spike in a saved GetMetricData response and exits 1 with --fail-on', async () => {
    // Act
    const run = await cli(
      join(dir, 'spike.json'),
      '--format',
      'jsonl',
      '--region',
      'eu-west-1',
      '--account',
      '111122223333',
      '--fail-on',
      'medium',
    );

    // Assess
    expect(run.code).toBe(EXIT.alerts);
    const alerts = run.out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      detector: 'lambda-invocation-spike',
      resources: ['arn:aws:lambda:eu-west-1:111122223333:function:billing-export'],
      firstSeen: '2024-05-14T03:00:00.000Z',
    });
    expect(alerts[0].summary).toContain('errors 812');
    expect(run.err).toMatch(
      /read 3 series \(2 functions\) .* judged 2 functions; 1 spike periods; 1 alerts/,
    );
  });

  it('stays quiet on a normal CSV series with daily peaks', async () => {
    const run = await cli(join(dir, 'normal.csv'), '--fail-on', 'low');

    expect(run.code).toBe(EXIT.ok);
    expect(run.out).toBe('no alerts\n');
    expect(run.err).toMatch(/judged 1 functions; 0 spike periods/);
  });

  it('applies per-function settings and suppressions from the config', async () => {
    const tuned = await cli(join(dir, 'spike.json'), '--config', join(dir, 'tuned.yaml'));
    const suppressed = await cli(
      join(dir, 'spike.json'),
      '--config',
      join(dir, 'suppress.yaml'),
      '--region',
      'eu-west-1',
      '--account',
      '111122223333',
    );

    expect(tuned.out).toBe('no alerts\n');
    expect(suppressed.out).toBe('no alerts\n');
    expect(suppressed.err).toContain('1 findings suppressed');
  });

  it('judges only the periods asked for', async () => {
    const run = await cli(
      join(dir, 'spike.json'),
      '--since',
      '2024-05-14T04:00:00Z',
      '--format',
      'json',
    );

    expect(JSON.parse(run.out)).toEqual([]);
  });

  it('fails --fail-on on a spike --min-severity hides, and says so', async () => {
    const run = await cli(
      join(dir, 'spike.json'),
      '--min-severity',
      'critical',
      '--fail-on',
      'low',
    );

    expect(run.code).toBe(EXIT.alerts);
    expect(run.out).toBe('no alerts\n');
    expect(run.err).toContain(
      '--fail-on low: 1 alert at or above low, hidden by --min-severity critical (lower it to see it)',
    );
  });

  it('takes --since as a time before now', async () => {
    // The series are from 2024: a week back from today holds none of them, 1000 weeks all.
    const lastWeek = await cli(join(dir, 'spike.json'), '--since', '1w', '--format', 'json');
    const longAgo = await cli(join(dir, 'spike.json'), '--since', '1000w', '--format', 'json');

    expect(JSON.parse(lastWeek.out)).toEqual([]);
    expect(JSON.parse(longAgo.out)).toHaveLength(1);
  });

  it('exits 2 naming the file when it holds no metric series', async () => {
    const run = await cli(join(dir, 'bad.json'));

    expect(run.code).toBe(EXIT.usage);
    expect(run.err).toContain(
      `trailwatch: ${join(dir, 'bad.json')}: JSON without MetricDataResults`,
    );
  });

  it.each([
    [['--period', '90'], /--period/],
    [['--region', 'nowhere'], /--region/],
    [['--since', 'yesterday'], /--since/],
  ])('exits 2 on a bad option %j', async (options, message) => {
    const run = await cli(join(dir, 'spike.json'), ...options);

    expect(run.code).toBe(EXIT.usage);
    expect(run.err).toMatch(message);
  });
});
