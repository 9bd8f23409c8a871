import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { AthenaRunner } from '../../runbooks/engines/athena-runner.js';
import { QueryExecutionError } from '../../runbooks/errors.js';

/**
 * Athena faults seen by a runbook query (catalog G6-G9), complementing the
 * runner's own tests: Athena moving a query back to QUEUED, a failed query that
 * Athena marks retryable, a 5xx while polling. An investigation either gets its
 * rows or a clear error naming the query; it never gets "0 rows" for a failure.
 */

const athena = mockClient(AthenaClient);
const QUERY = { id: 'principal-timeline', text: 'SELECT 1 WHERE ? = ?', values: ['a', 'a'] };

function runner() {
  let now = 0;
  return new AthenaRunner({
    client: new AthenaClient({ region: 'us-east-1' }),
    workGroup: 'trailwatch',
    database: 'security',
    sleep: async (ms) => {
      now += ms;
    },
    now: () => now,
  });
}

describe('Faults: Athena (runbook queries)', () => {
  beforeEach(() => {
    athena.reset();
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'qe-1' });
  });
  afterAll(() => athena.restore());

  it('waits through RUNNING -> QUEUED -> RUNNING (a transient Athena error) to the rows (G9)', async () => {
    const state = (s: string) => ({ QueryExecution: { Status: { State: s as 'RUNNING' } } });
    athena
      .on(GetQueryExecutionCommand)
      .resolvesOnce(state('RUNNING'))
      .resolvesOnce(state('QUEUED'))
      .resolvesOnce(state('RUNNING'))
      .resolves(state('SUCCEEDED'));
    athena.on(GetQueryResultsCommand).resolves({
      ResultSet: {
        ResultSetMetadata: { ColumnInfo: [{ Name: 'n', Label: 'n', Type: 'integer' }] },
        Rows: [{ Data: [{ VarCharValue: 'n' }] }, { Data: [{ VarCharValue: '1' }] }],
      },
    });

    const result = await runner().run(QUERY);

    expect(result.rows).toEqual([['1']]);
    expect(athena.commandCalls(GetQueryExecutionCommand)).toHaveLength(4);
  });

  it('reports a FAILED query as an error with its reason, even when Athena marks it retryable (G7)', async () => {
    athena.on(GetQueryExecutionCommand).resolves({
      QueryExecution: {
        Status: {
          State: 'FAILED',
          StateChangeReason: 'HIVE_CURSOR_ERROR: Please reduce your request rate.',
          AthenaError: { ErrorCategory: 2, ErrorType: 1001, Retryable: true },
        },
      },
    });

    await expect(runner().run(QUERY)).rejects.toThrow(
      /principal-timeline FAILED on Athena \(execution qe-1\).*Please reduce your request rate/,
    );
    expect(athena.commandCalls(GetQueryResultsCommand)).toHaveLength(0);
  });

  it('reports a 5xx that outlasted the SDK retries while polling, naming the query and the call', async () => {
    athena.on(GetQueryExecutionCommand).rejects(
      Object.assign(new Error('Internal error'), {
        name: 'InternalServerException',
        $fault: 'server',
        $metadata: { httpStatusCode: 500 },
      }),
    );

    const error = await runner()
      .run(QUERY)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(QueryExecutionError);
    expect(String((error as Error).message)).toMatch(
      /Athena GetQueryExecution failed for principal-timeline: InternalServerException/,
    );
  });
});
