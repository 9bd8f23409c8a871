import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../alerting/alert.js';
import { EXIT } from '../../cli/io.js';
import { main } from '../../cli/main.js';
import { ACCOUNT, cloudTrailEvent, identities } from '../helpers/events.js';
import { captureIo } from './capture-io.js';

const BIN = fileURLToPath(new URL('../../bin/trailwatch.mjs', import.meta.url));

const stopLogging = (session: string) =>
  cloudTrailEvent({
    eventSource: 'cloudtrail.amazonaws.com',
    eventName: 'StopLogging',
    userIdentity: identities.assumedRole('Admin', session),
    requestParameters: { name: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main` },
  });

/** The same call as EventBridge delivers it ("AWS API Call via CloudTrail"). */
const viaEventBridge = (session: string) => {
  const detail = stopLogging(session);
  return {
    version: '0',
    id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
    'detail-type': 'AWS API Call via CloudTrail',
    source: 'aws.cloudtrail',
    account: ACCOUNT,
    time: detail.eventTime,
    region: 'us-east-1',
    resources: [],
    detail,
  };
};

const INPUTS: ReadonlyArray<readonly [string, Buffer]> = [
  [
    'a CloudTrail log file, gzipped as S3 delivers it',
    gzipSync(JSON.stringify({ Records: [stopLogging('mallory')] })),
  ],
  ['an EventBridge event', Buffer.from(JSON.stringify(viaEventBridge('mallory')))],
  [
    'JSON Lines of records, gzipped',
    gzipSync(
      `${JSON.stringify(stopLogging('mallory'))}\n${JSON.stringify(stopLogging('mallory'))}\n`,
    ),
  ],
];

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trailwatch-stdin-'));
  await writeFile(join(dir, 'b.json'), JSON.stringify({ Records: [stopLogging('trudy')] }));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function scanStdin(input: Buffer | string, ...args: string[]) {
  const io = captureIo(input);
  const code = await main(['scan', '--no-progress', '--format', 'json', ...args], io);
  const out = io.out();
  return { code, alerts: out ? (JSON.parse(out) as Alert[]) : [], err: io.err() };
}

const principals = (alerts: readonly Alert[]) =>
  alerts.filter((a) => a.detector === 'cloudtrail-logging-stopped').map((a) => a.principal);

describe('trailwatch scan - (standard input)', () => {
  it.each(INPUTS)('reads %s', async (_what, input) => {
    const run = await scanStdin(input, '-');

    expect(run.code).toBe(EXIT.ok);
    expect(principals(run.alerts)).toEqual([`arn:aws:sts::${ACCOUNT}:assumed-role/Admin/mallory`]);
    expect(run.err).toMatch(/scanned 1 files/);
  });

  it('reads standard input beside files, and prints investigate commands for the files only', async () => {
    const run = await scanStdin(INPUTS[0]?.[1] as Buffer, '-', dir, '--jobs', '2');

    // Both StopLogging calls, the one on stdin and the one in the folder, in one alert.
    const stopped = run.alerts.filter((a) => a.detector === 'cloudtrail-logging-stopped');
    expect(stopped.reduce((sum, a) => sum + a.count, 0)).toBe(2);
    expect(run.err).toMatch(/scanned 2 files .* 2 events/);
    const commands = run.alerts.flatMap((a) => a.investigate.map((i) => i.command));
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) expect(command).toMatch(new RegExp(`--logs ${dir}$`));
  });

  it('names standard input in errors, and an empty one is an input error', async () => {
    const bad = await scanStdin('{"Records": [', '-');
    const empty = await scanStdin('', '-');

    expect(bad.code).toBe(EXIT.usage);
    expect(bad.err).toContain('error: <stdin>');
    expect(empty.code).toBe(EXIT.usage);
    expect(empty.err).toContain(
      'trailwatch: no CloudTrail records in standard input: 1 empty file',
    );
  });

  it('refuses "-" twice', async () => {
    const run = await scanStdin('', '-', '-');

    expect(run.code).toBe(EXIT.usage);
    expect(run.err).toContain('"-" (standard input) is given twice');
  });

  it('is said in --help', async () => {
    const io = captureIo();
    await main(['scan', '--help'], io);

    expect(io.out()).toContain('- reads standard input');
    expect(io.out()).toContain('| trailwatch scan -');
  });

  it('reads the real standard input of the installed bin', { timeout: 60_000 }, () => {
    const run = spawnSync(process.execPath, [BIN, 'scan', '-', '--format', 'jsonl'], {
      input: INPUTS[0]?.[1],
      encoding: 'utf8',
    });

    expect(run.status).toBe(EXIT.ok);
    expect(run.stdout).toContain('"detector":"cloudtrail-logging-stopped"');
  });
});
