import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../alerting/alert.js';
import type { CliIo } from '../../cli/io.js';
import { main } from '../../cli/main.js';
import { cloudTrailEvent, identities } from '../helpers/events.js';
import { fullStopLogging, optionalFieldPaths, withNullAt } from '../ingest/helpers/null-fields.js';

/** Captures what a command writes. */
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

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trailwatch-poison-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes a gzipped CloudTrail log file, compact as CloudTrail writes it. */
async function logFile(name: string, records: readonly unknown[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, gzipSync(JSON.stringify({ Records: records })));
  return path;
}

async function scan(args: readonly string[]) {
  const io = captureIo();
  const code = await main(['scan', ...args, '--format', 'json', '--no-progress'], io);
  const alerts = io.out().trim() === '' ? [] : (JSON.parse(io.out()) as Alert[]);
  return { code, alerts, err: io.err() };
}

const stopLogging = (eventID: string, eventTime: string) => ({
  ...fullStopLogging(0),
  eventID,
  eventTime,
});

describe('trailwatch scan with poison records', () => {
  it.each([['+275760-09-13T00:00:00Z'], ['275760-09-13T00:00:00.000Z']])(
    'prints the real StopLogging alert beside a record dated %s, and names the bad record',
    async (eventTime) => {
      // Prepare: the poison record and the real one would share one alert group.
      const file = await logFile(`edge-${eventTime.length}.json.gz`, [
        stopLogging('poison', eventTime),
        stopLogging('real', '2026-11-20T10:00:00Z'),
      ]);

      // Act
      const { code, alerts, err } = await scan([file]);

      // Assess
      expect(code).toBe(0);
      const stopped = alerts.filter((a) => a.detector === 'cloudtrail-logging-stopped');
      expect(stopped.map((a) => a.eventIds)).toEqual([['real']]);
      expect(stopped[0]?.investigate.length).toBeGreaterThan(0);
      expect(err).toContain(`error: ${file} record 0: invalid CloudTrail record: eventTime`);
      expect(err).toContain('1 input errors');
    },
  );

  it('does not let a forged sign-in dated 2099 start the learning period of a first-seen detector', async () => {
    // Prepare: alice's usual network for three weeks, then a new one, after the 7-day
    // learning period of console-login-new-source. The forged record comes first.
    const login = (eventID: string, eventTime: string, sourceIPAddress: string) =>
      cloudTrailEvent({
        eventID,
        eventTime,
        sourceIPAddress,
        eventSource: 'signin.amazonaws.com',
        eventName: 'ConsoleLogin',
        eventType: 'AwsConsoleSignIn',
        userIdentity: identities.iamUser('alice'),
        responseElements: { ConsoleLogin: 'Success' },
        additionalEventData: { MFAUsed: 'Yes', LoginTo: 'https://console.aws.amazon.com/' },
      });
    const file = await logFile('logins.json.gz', [
      login('forged', '2099-01-01T00:00:00Z', '198.51.100.7'),
      ...[1, 5, 10, 15, 20].map((day) =>
        login(`usual-${day}`, `2026-10-${String(day).padStart(2, '0')}T09:00:00Z`, '203.0.113.10'),
      ),
      login('new-network', '2026-10-25T09:00:00Z', '192.0.2.55'),
    ]);

    // Act
    const { code, alerts, err } = await scan([file]);

    // Assess: learning started with the first real sign-in, so the new network alerts.
    expect(code).toBe(0);
    const newSource = alerts.filter((a) => a.detector === 'console-login-new-source');
    expect(newSource.map((a) => a.eventIds)).toEqual([['new-network']]);
    expect(err).toContain(`${file} record 0: invalid CloudTrail record: eventTime 2099-01-01`);
  });

  it.each([
    ['default (lazy)', []],
    ['--exhaustive', ['--exhaustive']],
  ])(
    'fires cloudtrail-logging-stopped on StopLogging records with null in any optional field (%s)',
    async (_mode, flags) => {
      // Prepare: one record per optional field set to null; eventVersion: null in a file
      // of its own, as it takes the file off the lazy reader's compact form.
      const paths = optionalFieldPaths();
      const records = paths.map((path, i) => ({
        id: path.join('.') === 'eventID' ? undefined : `null-${i}`,
        record: withNullAt({ ...fullStopLogging(i), eventID: `null-${i}` }, path),
      }));
      const versionless = records.filter(({ record }) => record.eventVersion === null);
      const compact = records.filter(({ record }) => record.eventVersion !== null);
      expect(versionless).toHaveLength(1);
      const files = [
        await logFile(
          `nulls-${flags.length}.json.gz`,
          compact.map(({ record }) => record),
        ),
        await logFile(
          `nulls-version-${flags.length}.json.gz`,
          versionless.map(({ record }) => record),
        ),
      ];

      // Act
      const { code, alerts, err } = await scan([...files, ...flags]);

      // Assess: every record counted in a logging-stopped alert, none refused.
      expect(code).toBe(0);
      expect(err).toContain('0 input errors');
      const stopped = alerts.filter((a) => a.detector === 'cloudtrail-logging-stopped');
      expect(stopped.reduce((sum, a) => sum + a.count, 0)).toBe(records.length);
      expect(new Set(stopped.flatMap((a) => a.eventIds))).toEqual(
        new Set(records.flatMap(({ id }) => (id === undefined ? [] : [id]))),
      );
    },
  );

  it('reports the true count of a flood of empty records, lists a few, and still alerts', async () => {
    const file = await logFile('empties.json.gz', [
      ...Array.from({ length: 250 }, () => ({})),
      stopLogging('real', '2026-11-20T10:00:00Z'),
    ]);
    const { code, alerts, err } = await scan([file]);
    expect(code).toBe(0);
    expect(alerts.filter((a) => a.detector === 'cloudtrail-logging-stopped')).toHaveLength(1);
    expect(err).toContain('250 input errors');
    expect(err).toContain('... and 230 more input errors');
    expect(err.match(/^error: /gm)).toHaveLength(20);
  });
});
