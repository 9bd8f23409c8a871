/**
 * One runner interface, two engines. A runner receives the compiled query text
 * (positional `?` markers) and the values in order; each engine applies them its
 * own way (DuckDB binds, Athena takes SQL literals). Results come back in one
 * shape: every value as text or NULL, as Athena returns them.
 */
export type EngineName = 'duckdb' | 'athena';

export interface PreparedQuery {
  /** Query id, for messages. */
  readonly id: string;
  /** SQL with `?` markers. */
  readonly text: string;
  /** One validated value per `?`, in order. */
  readonly values: readonly string[];
}

export interface ResultColumn {
  readonly name: string;
  /** Engine type name, lower case (`varchar`, `bigint`, ...). */
  readonly type: string;
}

export interface QueryStats {
  readonly engine: EngineName;
  readonly elapsedMs: number;
  /** Athena only: bytes scanned (what Athena bills). */
  readonly scannedBytes?: number;
  /** Athena only: the query execution id, to find it in the console. */
  readonly executionId?: string;
}

export interface QueryResult {
  readonly columns: readonly ResultColumn[];
  readonly rows: readonly (readonly (string | null)[])[];
  readonly stats: QueryStats;
}

export interface QueryRunner {
  readonly engine: EngineName;
  /** Runs one query; aborting `signal` cancels it on the engine. */
  run(query: PreparedQuery, signal?: AbortSignal): Promise<QueryResult>;
  close(): Promise<void>;
}
