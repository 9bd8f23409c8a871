import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudTrailEvent } from '../../../ingest/cloudtrail-event.js';
import { readPaths } from '../../../ingest/read-paths.js';
import { describeLoad } from '../../../runbooks/duckdb/load-summary.js';
import { findLocalLogFiles } from '../../../runbooks/duckdb/local-files.js';
import { screenCloudTrailFiles } from '../../../runbooks/duckdb/tampered-files.js';
import { DuckDbRunner } from '../../../runbooks/engines/duckdb-runner.js';
import { cloudTrailEvent, identities } from '../../helpers/events.js';

const DAY = 'AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20';
const ALICE = 'arn:aws:iam::111122223333:user/alice';

/** A record's JSON with `"key":<first>,` inserted before its `"key":` at `marker`. */
function repeated(record: CloudTrailEvent, marker: string, first: unknown): string {
  const text = JSON.stringify(record);
  const at = text.indexOf(marker);
  const key = marker.slice(0, marker.indexOf(':') + 1);
  return `${text.slice(0, at)}${key}${JSON.stringify(first)},${text.slice(at)}`;
}

const event = (id: string, overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({ eventID: id, ...overrides });
const json = (record: CloudTrailEvent) => JSON.stringify(record);

/**
 * Log files as an attacker with write access to the bucket would leave them, beside
 * untouched ones: a StopLogging hidden behind a second eventName, a user framed by a
 * second userIdentity.arn, a repeat inside requestParameters (DuckDB reads that column
 * as text and would keep it), a second Records array, a JSON Lines file.
 */
function writeLogs(root: string): void {
  const day = join(root, DAY);
  mkdirSync(day, { recursive: true });
  const file = (name: string, text: string) =>
    writeFileSync(
      join(day, `111122223333_CloudTrail_us-east-1_20261120T1000Z_${name}.json.gz`),
      gzipSync(text),
    );
  const hidden = repeated(
    event('hidden', { eventSource: 'cloudtrail.amazonaws.com', eventName: 'ListTrails' }),
    '"eventName":',
    'StopLogging',
  );
  const framed = repeated(
    event('framed', { eventName: 'DeleteTrail', userIdentity: identities.iamUser('bob') }),
    '"arn":"arn:aws:iam::111122223333:user/bob"',
    ALICE,
  );
  const inParameters = repeated(
    event('in-parameters', { eventName: 'UpdateTrail', requestParameters: { name: 'main' } }),
    '"name":',
    'decoy',
  );
  file('Tampered1', `{"Records":[${json(event('a1'))},${hidden},${json(event('a3'))},${framed}]}`);
  file('Tampered2', `{"Records":[${inParameters},${json(event('b2'))}]}`);
  file('TwoArrays', `{"Records":[${json(event('c1'))}],"Records":[${json(event('c2'))}]}`);
  file('Untouched', `{"Records":[${json(event('d1'))},${json(event('d2'))}]}`);
  mkdirSync(join(root, 'exports'));
  writeFileSync(
    join(root, 'exports', 'events.jsonl'),
    [json(event('e1')), repeated(event('e2'), '"eventName":', 'StopLogging')].join('\n'),
  );
}

describe('DuckDbRunner on log files with altered records', () => {
  let root: string;
  let runner: DuckDbRunner;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'trailwatch-tampered-'));
    writeLogs(root);
    runner = await DuckDbRunner.open({ paths: [root] });
  });
  afterAll(async () => {
    await runner.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('loads exactly the events trailwatch scan reads, every file included', async () => {
    const scanned: string[] = [];
    for await (const item of readPaths([root])) {
      if (item.kind === 'event') scanned.push(item.event.eventID as string);
    }

    const result = await runner.run({
      id: 'ids',
      text: 'SELECT eventid FROM cloudtrail_logs ORDER BY 1',
      values: [],
    });

    expect(result.rows.map(([id]) => id)).toEqual(scanned.sort());
    expect(scanned.sort()).toEqual(['a1', 'a3', 'b2', 'c1', 'c2', 'd1', 'd2', 'e1']);
    expect(runner.load.rejected).toEqual([]);
    expect(runner.load.cloudTrailFiles).toBe(5);
  });

  it('reports each record left out with its file, index and repeated key', () => {
    const tampered = runner.load.tampered.map((t) => [
      basename(t.path).split('_').pop(),
      t.record ?? 'file',
      t.keyPath,
    ]);
    expect(tampered).toEqual([
      ['Tampered1.json.gz', 1, 'eventName'],
      ['Tampered1.json.gz', 3, 'userIdentity.arn'],
      ['Tampered2.json.gz', 0, 'requestParameters.name'],
      ['TwoArrays.json.gz', 'file', 'Records'],
      ['events.jsonl', 1, 'eventName'],
    ]);
    expect(describeLoad(runner.load)).toContain(
      `altered ${join(root, DAY, '111122223333_CloudTrail_us-east-1_20261120T1000Z_Tampered1.json.gz')} record 3: key userIdentity.arn repeated; left out, as trailwatch scan leaves it out`,
    );
  });

  it('keeps the partition day of a file loaded from its copy', async () => {
    const result = await runner.run({
      id: 'days',
      text: 'SELECT eventid, "timestamp" FROM cloudtrail_logs WHERE eventid IN (?, ?) ORDER BY 1',
      values: ['a3', 'e1'],
    });
    expect(result.rows).toEqual([
      ['a3', '2026/11/20'],
      ['e1', '2026/11/20'],
    ]);
  });

  it('leaves altered records out when the queries read only some columns', async () => {
    const narrow = await DuckDbRunner.open({ paths: [root], columns: new Set(['eventname']) });
    try {
      const result = await narrow.run({
        id: 'names',
        text: "SELECT count(*) FROM cloudtrail_logs WHERE eventname IN ('StopLogging', 'ListTrails', 'UpdateTrail', 'DeleteTrail')",
        values: [],
      });
      expect(result.rows).toEqual([['0']]);
      expect(narrow.load.events).toBe(8);
    } finally {
      await narrow.close();
    }
  });
});

describe('screenCloudTrailFiles', () => {
  it('copies only the files with altered records, and removes the copies when disposed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'trailwatch-screen-'));
    try {
      writeLogs(root);
      const scratch = join(root, 'scratch');
      mkdirSync(scratch);
      const { cloudTrail } = await findLocalLogFiles([join(root, 'AWSLogs')]);

      const screened = await screenCloudTrailFiles(cloudTrail, scratch);

      expect([...screened.copies.keys()].map((p) => basename(p).split('_').pop())).toEqual([
        'Tampered1.json.gz',
        'Tampered2.json.gz',
        'TwoArrays.json.gz',
      ]);
      const copy = screened.copies.get(cloudTrail[0]?.path as string) as string;
      expect(copy.replaceAll('\\', '/')).toContain(`/${DAY}/`);
      expect(readFileSync(copy, 'utf8').split('\n').filter(Boolean)).toHaveLength(2);
      await screened.dispose();
      expect(readdirSync(scratch)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
