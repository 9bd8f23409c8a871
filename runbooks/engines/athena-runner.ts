import { randomUUID } from 'node:crypto';
import {
  type AthenaClient,
  GetQueryExecutionCommand,
  type GetQueryExecutionCommandOutput,
  GetQueryResultsCommand,
  type GetQueryResultsCommandOutput,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { QueryCancelledError, QueryExecutionError, QueryTimeoutError } from '../errors.js';
import { athenaLiteral } from '../sql/literal.js';
import { type Backoff, backoffDelay, realSleep, retryThrottled, type Sleep } from './retry.js';
import type { PreparedQuery, QueryResult, QueryRunner, ResultColumn } from './types.js';

/**
 * Athena engine: the same SQL text as DuckDB, with values sent as
 * `ExecutionParameters` — SQL literals, quotes doubled — so a value can never
 * become SQL. Polls with backoff until a terminal state, stops the query on
 * timeout or abort (Ctrl-C), and pages through results (at most 1000 rows a page,
 * the header row only on the first page of a SELECT).
 */
export interface AthenaRunnerOptions {
  readonly client: AthenaClient;
  readonly workGroup: string;
  readonly database: string;
  readonly catalog?: string;
  /** s3://bucket/prefix/ for results; omit when the workgroup enforces its own. */
  readonly outputLocation?: string;
  /** Give up (and stop the query) after this long. Default 10 minutes. */
  readonly timeoutMs?: number;
  readonly poll?: Backoff;
  readonly throttle?: { readonly attempts: number; readonly backoff: Backoff };
  readonly sleep?: Sleep;
  readonly now?: () => number;
}

const DEFAULT_POLL: Backoff = { initialMs: 500, maxMs: 5_000, factor: 1.5 };
const DEFAULT_THROTTLE = { attempts: 6, backoff: { initialMs: 1_000, maxMs: 20_000, factor: 2 } };
/** Athena's page size limit for GetQueryResults. */
const PAGE_SIZE = 1000;

export class AthenaRunner implements QueryRunner {
  readonly engine = 'athena' as const;
  private readonly sleep: Sleep;
  private readonly now: () => number;

  constructor(private readonly options: AthenaRunnerOptions) {
    this.sleep = options.sleep ?? realSleep;
    this.now = options.now ?? Date.now;
  }

  async run(query: PreparedQuery, signal?: AbortSignal): Promise<QueryResult> {
    const started = this.now();
    let executionId: string | undefined;
    try {
      executionId = await this.start(query, signal);
      const execution = await this.waitForCompletion(query, executionId, started, signal);
      const { columns, rows } = await this.readResults(executionId, signal);
      return {
        columns,
        rows,
        stats: {
          engine: 'athena',
          elapsedMs: this.now() - started,
          scannedBytes: execution.QueryExecution?.Statistics?.DataScannedInBytes,
          executionId,
        },
      };
    } catch (error) {
      if (signal?.aborted && !(error instanceof QueryExecutionError)) {
        if (executionId !== undefined) await this.stop(executionId);
        const stopped = executionId !== undefined ? ` (execution ${executionId} stopped)` : '';
        throw new QueryCancelledError(`query ${query.id} cancelled${stopped}`, query.id, {
          cause: error,
        });
      }
      throw error;
    }
  }

  async close(): Promise<void> {
    // The SDK client belongs to the caller.
  }

  private async start(query: PreparedQuery, signal?: AbortSignal): Promise<string> {
    const o = this.options;
    // One token for every retry of this start: Athena runs the query once even if a
    // throttled attempt had in fact gone through.
    const token = randomUUID();
    const output = await this.call(
      () =>
        o.client.send(
          new StartQueryExecutionCommand({
            QueryString: query.text,
            ClientRequestToken: token,
            ...(query.values.length > 0
              ? { ExecutionParameters: query.values.map(athenaLiteral) }
              : {}),
            WorkGroup: o.workGroup,
            QueryExecutionContext: {
              Database: o.database,
              ...(o.catalog ? { Catalog: o.catalog } : {}),
            },
            ...(o.outputLocation
              ? { ResultConfiguration: { OutputLocation: o.outputLocation } }
              : {}),
          }),
          { abortSignal: signal },
        ),
      query,
      'StartQueryExecution',
      signal,
    );
    if (!output.QueryExecutionId) {
      throw new QueryExecutionError(
        `Athena returned no QueryExecutionId for ${query.id}`,
        query.id,
      );
    }
    return output.QueryExecutionId;
  }

  private async waitForCompletion(
    query: PreparedQuery,
    executionId: string,
    started: number,
    signal?: AbortSignal,
  ): Promise<GetQueryExecutionCommandOutput> {
    const timeoutMs = this.options.timeoutMs ?? 600_000;
    const poll = this.options.poll ?? DEFAULT_POLL;
    for (let attempt = 0; ; attempt++) {
      const output = await this.call(
        () =>
          this.options.client.send(
            new GetQueryExecutionCommand({ QueryExecutionId: executionId }),
            {
              abortSignal: signal,
            },
          ),
        query,
        'GetQueryExecution',
        signal,
      );
      const status = output.QueryExecution?.Status;
      const state = status?.State;
      if (state === 'SUCCEEDED') return output;
      if (state === 'FAILED') {
        const athenaError = status?.AthenaError;
        const reason = status?.StateChangeReason ?? athenaError?.ErrorMessage ?? 'no reason given';
        const kind =
          athenaError?.ErrorType !== undefined ? ` (error type ${athenaError.ErrorType})` : '';
        throw new QueryExecutionError(
          `query ${query.id} FAILED on Athena (execution ${executionId})${kind}: ${reason}`,
          query.id,
        );
      }
      if (state === 'CANCELLED') {
        throw new QueryCancelledError(
          `query ${query.id} was CANCELLED on Athena (execution ${executionId}): ${status?.StateChangeReason ?? 'no reason given'}`,
          query.id,
        );
      }
      if (this.now() - started >= timeoutMs) {
        await this.stop(executionId);
        throw new QueryTimeoutError(
          `query ${query.id} did not finish within ${Math.round(timeoutMs / 1000)} s; execution ${executionId} was stopped`,
          query.id,
        );
      }
      await this.sleep(backoffDelay(poll, attempt), signal);
    }
  }

  private async readResults(
    executionId: string,
    signal?: AbortSignal,
  ): Promise<{ columns: ResultColumn[]; rows: (string | null)[][] }> {
    let columns: ResultColumn[] = [];
    const rows: (string | null)[][] = [];
    let token: string | undefined;
    let first = true;
    do {
      const page: GetQueryResultsCommandOutput = await this.call(
        () =>
          this.options.client.send(
            new GetQueryResultsCommand({
              QueryExecutionId: executionId,
              MaxResults: PAGE_SIZE,
              NextToken: token,
            }),
            { abortSignal: signal },
          ),
        { id: executionId, text: '', values: [] },
        'GetQueryResults',
        signal,
      );
      const pageRows = (page.ResultSet?.Rows ?? []).map((row) =>
        (row.Data ?? []).map((datum) => datum.VarCharValue ?? null),
      );
      if (first) {
        columns = (page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? []).map((c) => ({
          name: c.Label ?? c.Name ?? '',
          type: (c.Type ?? 'varchar').toLowerCase(),
        }));
        // A SELECT's first page starts with the column names; later pages do not.
        if (isHeader(pageRows[0], columns)) pageRows.shift();
        first = false;
      }
      rows.push(...pageRows);
      token = page.NextToken;
    } while (token);
    return { columns, rows };
  }

  private async stop(executionId: string): Promise<void> {
    try {
      await this.options.client.send(
        new StopQueryExecutionCommand({ QueryExecutionId: executionId }),
      );
    } catch {
      // Best effort: the query may have finished meanwhile; the original error matters more.
    }
  }

  private async call<T>(
    send: () => Promise<T>,
    query: PreparedQuery,
    action: string,
    signal?: AbortSignal,
  ): Promise<T> {
    try {
      return await retryThrottled(send, {
        ...(this.options.throttle ?? DEFAULT_THROTTLE),
        sleep: this.sleep,
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new QueryExecutionError(
        `Athena ${action} failed for ${query.id}: ${message}`,
        query.id,
        {
          cause: error,
        },
      );
    }
  }
}

function isHeader(
  row: readonly (string | null)[] | undefined,
  columns: readonly ResultColumn[],
): boolean {
  if (!row || row.length !== columns.length || columns.length === 0) return false;
  return row.every((value, i) => value === columns[i]?.name);
}
