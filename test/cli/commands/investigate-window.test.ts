import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../cli/io.js';
import { main } from '../../../cli/main.js';
import { cloudTrailEvent, identities } from '../../helpers/events.js';
import { captureIo } from '../capture-io.js';

const KEY = 'AKIAIOSFODNN7EXAMPLE';
const HOUR = 3_600_000;
let dir: string;

/** An ISO time `hours` before the real clock: relative windows count back from it. */
const hoursAgo = (hours: number) =>
  `${new Date(Date.now() - hours * HOUR).toISOString().slice(0, 19)}Z`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trailwatch-investigate-window-'));
  const call = (eventName: string, hours: number) =>
    cloudTrailEvent({
      eventSource: 'iam.amazonaws.com',
      eventName,
      eventTime: hoursAgo(hours),
      userIdentity: { ...identities.iamUser(), accessKeyId: KEY },
    });
  const records = [call('ListUsers', 2), call('ListRoles', 72), call('ListGroups', 24 * 30)];
  await writeFile(join(dir, 'calls.json'), JSON.stringify({ Records: records }));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function eventNames(...window: string[]) {
  const io = captureIo();
  const code = await main(
    [
      'investigate',
      'credential-compromise',
      '--query',
      'access-key-timeline',
      '--param',
      `accessKeyId=${KEY}`,
      ...window,
      '--logs',
      dir,
      '--format',
      'json',
    ],
    io,
  );
  expect(io.err()).not.toContain('trailwatch: --');
  expect(code).toBe(EXIT.ok);
  const output = JSON.parse(io.out()) as {
    window: { start: string; end: string };
    results: { rows: { eventname: string }[] }[];
  };
  return { window: output.window, names: output.results[0]?.rows.map((r) => r.eventname) ?? [] };
}

describe('trailwatch investigate with a relative window', () => {
  it('--since 24h reads the last day, up to now', async () => {
    const run = await eventNames('--since', '24h');

    expect(run.names).toEqual(['ListUsers']);
    expect(Date.parse(run.window.end)).toBeGreaterThan(Date.parse(hoursAgo(2)));
  });

  it('--since and --until take days before now', async () => {
    const run = await eventNames('--since', '4d', '--until', '1d');

    expect(run.names).toEqual(['ListRoles']);
  });

  it('--param start takes the same relative forms', async () => {
    const run = await eventNames('--param', 'start=5d', '--param', 'end=now');

    expect(run.names.sort()).toEqual(['ListRoles', 'ListUsers']);
  });
});
