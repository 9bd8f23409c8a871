import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  type Row,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  TooManyRequestsException,
} from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AthenaRunner, type AthenaRunnerOptions } from '../../../runbooks/engines/athena-runner.js';
import {
  QueryCancelledError,
  QueryExecutionError,
  QueryTimeoutError,
} from '../../../runbooks/errors.js';

const athena = mockClient(AthenaClient);
const QUERY = {
  id: 'principal-timeline',
  text: 'SELECT eventtime, eventname FROM cloudtrail_logs WHERE "timestamp" BETWEEN ? AND ? AND useridentity.arn = ? ORDER BY 1',
  values: ['2024/05/14', '2024/05/15', "arn:aws:iam::111122223333:user/o'brien"],
};
const COLUMNS = [
  { Name: 'eventtime', Label: 'eventtime', Type: 'varchar' },
  { Name: 'eventname', Label: 'eventname', Type: 'varchar' },
];

const row = (...values: (string | undefined)[]): Row => ({
  Data: values.map((v) => (v === undefined ? {} : { VarCharValue: v })),
});

/** A fake clock that advances by each sleep, so timeouts and backoff are testable without waiting. */
function clock() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms: number, signal?: AbortSignal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      now += ms;
    },
  };
}

function runner(overrides: Partial<AthenaRunnerOptions> = {}) {
  const c = clock();
  const r = new AthenaRunner({
    client: new AthenaClient({ region: 'us-east-1' }),
    workGroup: 'trailwatch',
    database: 'security',
    outputLocation: 's3://athena-results/trailwatch/',
    sleep: c.sleep,
    now: c.now,
    ...overrides,
  });
  return { runner: r, clock: c };
}

function succeedWith(state = 'SUCCEEDED') {
  athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'qe-1' });
  athena
    .on(GetQueryExecutionCommand)
    .resolvesOnce({ QueryExecution: { Status: { State: 'QUEUED' } } })
    .resolvesOnce({ QueryExecution: { Status: { State: 'RUNNING' } } })
    .resolves({
      QueryExecution: {
        Status: { State: state as 'SUCCEEDED' },
        Statistics: { DataScannedInBytes: 12_345 },
      },
    });
}

beforeEach(() => {
  athena.reset();
});

describe('AthenaRunner', () => {
  it('sends the SQL with values as escaped literals, workgroup, database and output location', async () => {
    succeedWith();
    athena.on(GetQueryResultsCommand).resolves({
      ResultSet: {
        ResultSetMetadata: { ColumnInfo: COLUMNS },
        Rows: [row('eventtime', 'eventname')],
      },
    });
    const { runner: r } = runner();

    await r.run(QUERY);

    const [start] = athena.commandCalls(StartQueryExecutionCommand);
    expect(start?.args[0].input).toEqual({
      QueryString: QUERY.text,
      ClientRequestToken: expect.stringMatching(/^[0-9a-f-]{36}$/),
      ExecutionParameters: [
        "'2024/05/14'",
        "'2024/05/15'",
        "'arn:aws:iam::111122223333:user/o''brien'",
      ],
      WorkGroup: 'trailwatch',
      QueryExecutionContext: { Database: 'security' },
      ResultConfiguration: { OutputLocation: 's3://athena-results/trailwatch/' },
    });
  });

  it('polls with growing delays until SUCCEEDED', async () => {
    succeedWith();
    athena.on(GetQueryResultsCommand).resolves({
      ResultSet: {
        ResultSetMetadata: { ColumnInfo: COLUMNS },
        Rows: [row('eventtime', 'eventname')],
      },
    });
    const { runner: r, clock: c } = runner({ poll: { initialMs: 100, maxMs: 1000, factor: 2 } });

    const result = await r.run(QUERY);

    expect(athena.commandCalls(GetQueryExecutionCommand)).toHaveLength(3);
    expect(c.sleeps).toEqual([100, 200]);
    expect(result.stats).toMatchObject({
      engine: 'athena',
      scannedBytes: 12_345,
      executionId: 'qe-1',
    });
  });

  it('pages through results, dropping the header row of the first page only', async () => {
    succeedWith();
    athena
      .on(GetQueryResultsCommand)
      .resolvesOnce({
        ResultSet: {
          ResultSetMetadata: { ColumnInfo: COLUMNS },
          Rows: [row('eventtime', 'eventname'), row('2024-05-14T09:00:05Z', 'GetCallerIdentity')],
        },
        NextToken: 'page-2',
      })
      .resolvesOnce({
        // Later pages have no header, even when a value looks like one.
        ResultSet: {
          ResultSetMetadata: { ColumnInfo: COLUMNS },
          Rows: [row('eventtime', 'eventname'), row(undefined, 'StopLogging')],
        },
        NextToken: 'page-3',
      })
      .resolvesOnce({ ResultSet: { Rows: [row('2024-05-14T09:10:10Z', '')] } });
    const { runner: r } = runner();

    const result = await r.run(QUERY);

    expect(result.columns).toEqual([
      { name: 'eventtime', type: 'varchar' },
      { name: 'eventname', type: 'varchar' },
    ]);
    expect(result.rows).toEqual([
      ['2024-05-14T09:00:05Z', 'GetCallerIdentity'],
      ['eventtime', 'eventname'],
      [null, 'StopLogging'],
      ['2024-05-14T09:10:10Z', ''],
    ]);
    const pages = athena.commandCalls(GetQueryResultsCommand).map((c) => c.args[0].input);
    expect(pages).toEqual([
      { QueryExecutionId: 'qe-1', MaxResults: 1000, NextToken: undefined },
      { QueryExecutionId: 'qe-1', MaxResults: 1000, NextToken: 'page-2' },
      { QueryExecutionId: 'qe-1', MaxResults: 1000, NextToken: 'page-3' },
    ]);
  });

  it("reports FAILED with Athena's reason", async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'qe-2' });
    athena.on(GetQueryExecutionCommand).resolves({
      QueryExecution: {
        Status: {
          State: 'FAILED',
          StateChangeReason:
            "TABLE_NOT_FOUND: line 2:6: Table 'awsdatacatalog.security.cloudtrail_logs' does not exist",
          AthenaError: { ErrorCategory: 2, ErrorType: 1301 },
        },
      },
    });
    const { runner: r } = runner();

    const error = await r.run(QUERY).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(QueryExecutionError);
    expect(String((error as Error).message)).toMatch(
      /principal-timeline FAILED on Athena \(execution qe-2\) \(error type 1301\): TABLE_NOT_FOUND/,
    );
    expect(athena.commandCalls(GetQueryResultsCommand)).toHaveLength(0);
  });

  it('reports CANCELLED with the reason', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'qe-3' });
    athena.on(GetQueryExecutionCommand).resolves({
      QueryExecution: {
        Status: { State: 'CANCELLED', StateChangeReason: 'Query cancelled by user' },
      },
    });
    const { runner: r } = runner();

    await expect(r.run(QUERY)).rejects.toThrow(QueryCancelledError);
    await expect(r.run(QUERY)).rejects.toThrow(
      /CANCELLED on Athena \(execution qe-3\): Query cancelled by user/,
    );
  });

  it('retries throttled calls with backoff, then succeeds', async () => {
    const throttled = new TooManyRequestsException({ message: 'Rate exceeded', $metadata: {} });
    athena
      .on(StartQueryExecutionCommand)
      .rejectsOnce(throttled)
      .rejectsOnce(throttled)
      .resolves({ QueryExecutionId: 'qe-4' });
    athena
      .on(GetQueryExecutionCommand)
      .resolves({ QueryExecution: { Status: { State: 'SUCCEEDED' } } });
    athena
      .on(GetQueryResultsCommand)
      .rejectsOnce(Object.assign(new Error('slow down'), { name: 'ThrottlingException' }))
      .resolves({
        ResultSet: {
          ResultSetMetadata: { ColumnInfo: COLUMNS },
          Rows: [row('eventtime', 'eventname')],
        },
      });
    const { runner: r, clock: c } = runner({
      throttle: { attempts: 4, backoff: { initialMs: 1000, maxMs: 8000, factor: 2 } },
    });

    const result = await r.run(QUERY);

    expect(result.rows).toEqual([]);
    const starts = athena
      .commandCalls(StartQueryExecutionCommand)
      .map((call) => call.args[0].input);
    expect(starts).toHaveLength(3);
    expect(new Set(starts.map((s) => s.ClientRequestToken)).size).toBe(1);
    expect(c.sleeps).toEqual([1000, 2000, 1000]);
  });

  it('gives up after the last throttled attempt with a clear error', async () => {
    athena
      .on(StartQueryExecutionCommand)
      .rejects(new TooManyRequestsException({ message: 'Rate exceeded', $metadata: {} }));
    const { runner: r } = runner({
      throttle: { attempts: 2, backoff: { initialMs: 10, maxMs: 10, factor: 1 } },
    });

    await expect(r.run(QUERY)).rejects.toThrow(
      /Athena StartQueryExecution failed for principal-timeline: TooManyRequestsException: Rate exceeded/,
    );
    expect(athena.commandCalls(StartQueryExecutionCommand)).toHaveLength(2);
  });

  it('does not retry other errors', async () => {
    athena
      .on(StartQueryExecutionCommand)
      .rejects(Object.assign(new Error('bad SQL'), { name: 'InvalidRequestException' }));
    const { runner: r } = runner();

    await expect(r.run(QUERY)).rejects.toThrow(/InvalidRequestException: bad SQL/);
    expect(athena.commandCalls(StartQueryExecutionCommand)).toHaveLength(1);
  });

  it('stops the query and fails when it runs past the timeout', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'qe-5' });
    athena
      .on(GetQueryExecutionCommand)
      .resolves({ QueryExecution: { Status: { State: 'RUNNING' } } });
    athena.on(StopQueryExecutionCommand).resolves({});
    const { runner: r } = runner({
      timeoutMs: 3000,
      poll: { initialMs: 1000, maxMs: 1000, factor: 1 },
    });

    await expect(r.run(QUERY)).rejects.toThrow(QueryTimeoutError);
    expect(athena.commandCalls(StopQueryExecutionCommand)[0]?.args[0].input).toEqual({
      QueryExecutionId: 'qe-5',
    });
  });

  it('stops the query when aborted (Ctrl-C)', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'qe-6' });
    athena
      .on(GetQueryExecutionCommand)
      .resolves({ QueryExecution: { Status: { State: 'RUNNING' } } });
    athena.on(StopQueryExecutionCommand).resolves({});
    const controller = new AbortController();
    let polls = 0;
    const { runner: r } = runner({
      sleep: async (_ms, signal) => {
        polls += 1;
        if (polls === 2) controller.abort(new Error('SIGINT'));
        if (signal?.aborted) throw signal.reason;
      },
    });

    await expect(r.run(QUERY, controller.signal)).rejects.toThrow(
      /cancelled \(execution qe-6 stopped\)/,
    );
    expect(athena.commandCalls(StopQueryExecutionCommand)).toHaveLength(1);
  });

  it('omits ExecutionParameters for a query without parameters and names the catalog', async () => {
    succeedWith();
    athena
      .on(GetQueryResultsCommand)
      .resolves({ ResultSet: { ResultSetMetadata: { ColumnInfo: [] }, Rows: [] } });
    const { runner: r } = runner({ catalog: 'AwsDataCatalog', outputLocation: undefined });

    await r.run({ ...QUERY, values: [] });

    const input = athena.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input;
    expect(input).not.toHaveProperty('ExecutionParameters');
    expect(input).not.toHaveProperty('ResultConfiguration');
    expect(input?.QueryExecutionContext).toEqual({
      Database: 'security',
      Catalog: 'AwsDataCatalog',
    });
  });
});
