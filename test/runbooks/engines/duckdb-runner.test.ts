import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDbRunner } from '../../../runbooks/engines/duckdb-runner.js';
import { QueryCancelledError, QueryExecutionError } from '../../../runbooks/errors.js';
import { resolveWindow } from '../../../runbooks/params.js';
import { bucketConfigChanges } from '../../../runbooks/queries/index.js';
import { compileSql, inlineLiterals, positionalValues } from '../../../runbooks/sql/compile.js';
import { CORRUPT_LOGS, FIXTURE_LOGS, WINDOW } from '../fixture-params.js';

const window = resolveWindow(WINDOW.start, WINDOW.end);

describe('DuckDbRunner on the fixture logs', () => {
  let runner: DuckDbRunner;
  beforeAll(async () => {
    runner = await DuckDbRunner.open({ paths: [FIXTURE_LOGS], days: window });
  });
  afterAll(async () => {
    await runner.close();
  });

  it('loads CloudTrail and access-log files and reports what it passed over', () => {
    expect(runner.load).toMatchObject({
      cloudTrailFiles: 7,
      accessLogFiles: 1,
      events: 74,
      accessLogRecords: 14,
      rejected: [],
    });
    const reasons = runner.load.skipped.map((s) => s.reason).sort();
    expect(reasons).toEqual([
      'cloudtrail-digest',
      'cloudtrail-insight',
      'hidden',
      'not-a-log-file',
      'not-cloudtrail',
      'outside-window',
      'outside-window',
    ]);
  });

  it("exposes Athena's column names and types", async () => {
    const result = await runner.run({
      id: 'describe',
      text: "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'cloudtrail_logs' AND column_name IN ('readonly', 'requestparameters', 'timestamp') ORDER BY 1",
      values: [],
    });
    expect(result.rows).toEqual([
      ['readonly', 'VARCHAR'],
      ['requestparameters', 'VARCHAR'],
      ['timestamp', 'VARCHAR'],
    ]);
  });

  it('derives the partition day from the S3 key, as Athena projection does', async () => {
    const result = await runner.run({
      id: 'late',
      text: 'SELECT "timestamp", eventtime FROM cloudtrail_logs WHERE eventtime > ? ORDER BY 2',
      values: ['2024-05-14T23:00:00Z'],
    });
    expect(result.rows).toEqual([['2024/05/15', '2024-05-14T23:58:00Z']]);
  });

  it('keeps an injection attempt a value, bound or as an Athena literal', async () => {
    const compiled = compileSql(bucketConfigChanges.sql);
    const values = positionalValues(compiled, { ...window, bucket: "acme-prod-data' OR '1'='1" });

    const bound = await runner.run({ id: 'bound', text: compiled.text, values });
    const inlined = await runner.run({
      id: 'inlined',
      text: inlineLiterals(compiled, values),
      values: [],
    });

    expect(bound.rows).toEqual([]);
    expect(inlined.rows).toEqual([]);
  });

  it('finds the logged hostile bucket name only by its exact value', async () => {
    const result = await runner.run({
      id: 'hostile',
      text: "SELECT eventname, useragent FROM cloudtrail_logs WHERE json_extract_scalar(requestparameters, '$.bucketName') = ?",
      values: ["acme' OR '1'='1"],
    });
    expect(result.rows).toEqual([['GetBucketAcl', "'; rm -rf / # $(id) `id`"]]);
  });

  it('reads JSON paths of non-object request parameters as NULL, as Trino does', async () => {
    const result = await runner.run({
      id: 'odd',
      text: "SELECT requestparameters, json_extract_scalar(requestparameters, '$.bucketName') FROM cloudtrail_logs WHERE eventtime BETWEEN ? AND ? ORDER BY eventtime",
      values: ['2024-05-14T09:48:00Z', '2024-05-14T09:48:10Z'],
    });
    expect(result.rows).toEqual([
      ['bucketName=acme-prod-data', null],
      ['["acme-prod-data"]', null],
    ]);
  });

  it('names the query and the DuckDB reason when SQL fails', async () => {
    await expect(
      runner.run({ id: 'broken', text: 'SELECT nope FROM cloudtrail_logs', values: [] }),
    ).rejects.toThrow(/query broken failed on DuckDB: Binder Error/);
    await expect(
      runner.run({ id: 'broken', text: 'SELECT 1', values: [] }, AbortSignal.abort()),
    ).rejects.toThrow(QueryCancelledError);
  });
});

describe('DuckDbRunner with bad or unusual files', () => {
  it('reports each file DuckDB rejects and still loads the good ones', async () => {
    const runner = await DuckDbRunner.open({ paths: [CORRUPT_LOGS] });
    try {
      expect(runner.load.events).toBe(1);
      expect(runner.load.cloudTrailFiles).toBe(1);
      const rejected = runner.load.rejected.map((r) => [r.path.split('/').pop(), r.reason]);
      expect(rejected).toEqual([
        [
          expect.stringMatching(/_Truncated\.json$/),
          expect.stringMatching(/Malformed JSON|unexpected end/),
        ],
        [expect.stringMatching(/_WrongType\.json$/), expect.stringMatching(/Expected OBJECT/)],
      ]);
    } finally {
      await runner.close();
    }
  });

  it('reads JSON Lines and EventBridge events, leaving out events not from CloudTrail', async () => {
    const runner = await DuckDbRunner.open({
      paths: [join(FIXTURE_LOGS, 'jsonl'), join(FIXTURE_LOGS, 'eventbridge')],
    });
    try {
      const result = await runner.run({
        id: 'names',
        text: 'SELECT eventname, "timestamp" FROM cloudtrail_logs ORDER BY eventtime',
        values: [],
      });
      expect(result.rows).toEqual([
        ['PutRolePolicy', '2024/05/14'],
        ['DeleteTrail', '2024/05/14'],
        ['DescribeVolumes', '2024/05/14'],
      ]);
    } finally {
      await runner.close();
    }
  });

  it('reads files whose names contain glob characters and quotes as themselves', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trailwatch-duckdb-'));
    const source = readdirSync(
      join(CORRUPT_LOGS, 'AWSLogs/111122223333/CloudTrail/us-east-1/2024/05/14'),
    ).find((f) => f.endsWith('_GoodAbcde.json')) as string;
    copyFileSync(
      join(CORRUPT_LOGS, 'AWSLogs/111122223333/CloudTrail/us-east-1/2024/05/14', source),
      join(dir, "it's [*?].json"),
    );
    mkdirSync(join(dir, 'x'));
    writeFileSync(join(dir, 'x', 'other.json'), '{"not":"cloudtrail"}');
    const runner = await DuckDbRunner.open({ paths: [dir] });
    try {
      expect(runner.load).toMatchObject({ cloudTrailFiles: 1, events: 1, rejected: [] });
      expect(runner.load.skipped.map((s) => s.reason)).toEqual(['not-cloudtrail']);
    } finally {
      await runner.close();
    }
  });

  it('creates empty tables when there are no files, so queries still run', async () => {
    const runner = await DuckDbRunner.open({
      paths: [mkdtempSync(join(tmpdir(), 'trailwatch-empty-'))],
    });
    try {
      const result = await runner.run({
        id: 'empty',
        text: 'SELECT count(*) AS n FROM s3_access_logs',
        values: [],
      });
      expect(result.rows).toEqual([['0']]);
    } finally {
      await runner.close();
    }
  });

  it('turns an engine error into a QueryExecutionError', async () => {
    const runner = await DuckDbRunner.open({ paths: [] });
    try {
      await expect(runner.run({ id: 'x', text: 'SELEC 1', values: [] })).rejects.toBeInstanceOf(
        QueryExecutionError,
      );
    } finally {
      await runner.close();
    }
  });
});
