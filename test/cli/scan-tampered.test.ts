import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../alerting/alert.js';
import type { CliIo } from '../../cli/io.js';
import { main } from '../../cli/main.js';
import { ACCOUNT, cloudTrailEvent, identities } from '../helpers/events.js';

function captureIo(): CliIo & { out: () => string; err: () => string } {
  const chunks = { out: [] as string[], err: [] as string[] };
  const sink = (into: string[]) =>
    new Writable({
      write(chunk, _encoding, done) {
        into.push(String(chunk));
        done();
      },
    });
  return {
    stdout: sink(chunks.out),
    stderr: sink(chunks.err),
    out: () => chunks.out.join(''),
    err: () => chunks.err.join(''),
  };
}

const DAY = `AWSLogs/${ACCOUNT}/CloudTrail/eu-west-1/2026/11/20`;
const TRAIL = `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/org-trail`;

/**
 * What an attacker who can write to the log bucket leaves: in one file, a StopLogging
 * made to read as DescribeTrails by a second eventName; in another, a StopLogging
 * blamed on alice by a second userIdentity.arn. Each file also holds an untouched
 * record, and a third file is untouched.
 */
async function writeLogs(root: string): Promise<{ hidden: string; framed: string }> {
  await mkdir(join(root, DAY), { recursive: true });
  const stop = (user: string) =>
    JSON.stringify(
      cloudTrailEvent({
        eventSource: 'cloudtrail.amazonaws.com',
        eventName: 'StopLogging',
        userIdentity: identities.iamUser(user),
        awsRegion: 'eu-west-1',
        requestParameters: { name: TRAIL },
      }),
    );
  const quiet = JSON.stringify(cloudTrailEvent({ awsRegion: 'eu-west-1' }));
  const hiddenText = stop('mallory').replace(
    '"eventName":"StopLogging"',
    '"eventName":"StopLogging","eventName":"DescribeTrails"',
  );
  const framedText = stop('mallory').replace(
    `"arn":"arn:aws:iam::${ACCOUNT}:user/mallory"`,
    `"arn":"arn:aws:iam::${ACCOUNT}:user/mallory","arn":"arn:aws:iam::${ACCOUNT}:user/alice"`,
  );
  const hidden = join(root, DAY, `${ACCOUNT}_CloudTrail_eu-west-1_20261120T1000Z_hidden.json.gz`);
  const framed = join(root, DAY, `${ACCOUNT}_CloudTrail_eu-west-1_20261120T1005Z_framed.json.gz`);
  await writeFile(hidden, gzipSync(`{"Records":[${quiet},${hiddenText}]}`));
  await writeFile(framed, gzipSync(`{"Records":[${framedText},${quiet}]}`));
  await writeFile(
    join(root, DAY, `${ACCOUNT}_CloudTrail_eu-west-1_20261120T1010Z_clean.json.gz`),
    gzipSync(`{"Records":[${quiet}]}`),
  );
  return { hidden, framed };
}

let root: string;
let files: { hidden: string; framed: string };

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'trailwatch-tampered-scan-'));
  files = await writeLogs(root);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function scan(...flags: string[]) {
  return scanPath(root, ...flags);
}

async function scanPath(path: string, ...flags: string[]) {
  const io = captureIo();
  const code = await main(['scan', path, '--format', 'json', '--no-progress', ...flags], io);
  return { code, alerts: JSON.parse(io.out()) as Alert[], stderr: io.err() };
}

describe.each([
  ['in this thread', []],
  ['with --jobs 2', ['--jobs', '2']],
])('trailwatch scan %s, on log files with altered records', (_how, jobs) => {
  it('alerts once per altered file, high, naming the file, the record and the repeated key', async () => {
    const { alerts, stderr } = await scan('--min-severity', 'high', ...jobs);

    const tampered = alerts
      .filter((a) => a.detector === 'log-record-tampered')
      .sort((a, b) => (a.resources[0] ?? '').localeCompare(b.resources[0] ?? ''));
    expect(tampered.map((a) => [a.severity, a.resources, a.account, a.region])).toEqual([
      ['high', [files.hidden], ACCOUNT, 'eu-west-1'],
      ['high', [files.framed], ACCOUNT, 'eu-west-1'],
    ]);
    expect(tampered[0]?.summary).toContain(`${files.hidden} was altered after CloudTrail wrote it`);
    expect(tampered[0]?.summary).toContain('record 1 (eventName)');
    expect(tampered[1]?.summary).toContain('record 0 (userIdentity.arn)');
    expect(stderr).toContain(`error: ${files.hidden} record 1: key eventName is repeated`);
  });

  it('reads neither the hidden StopLogging as DescribeTrails nor the framed one as alice', async () => {
    const { alerts } = await scan('--min-severity', 'info', ...jobs);

    const principals = alerts
      .filter((a) => a.detector !== 'log-record-tampered')
      .map((a) => a.principal);
    expect(principals.some((p) => p.endsWith('user/alice'))).toBe(false);
    expect(alerts.some((a) => a.summary.includes('DescribeTrails'))).toBe(false);
  });

  it('fails a --fail-on high run on an altered file alone', async () => {
    // The file holds nothing else of high severity: its StopLogging is the hidden one.
    const { code, alerts } = await scanPath(files.hidden, '--fail-on', 'high', ...jobs);
    expect(alerts.map((a) => a.detector)).toContain('log-record-tampered');
    expect(code).toBe(1);
  });
});
