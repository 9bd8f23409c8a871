/**
 * Errors of the runbook layer. Each names what was wrong and what to do; the CLI
 * prints the message as is (exit 2 for usage/input problems).
 */

/** A parameter value is missing, unknown or does not match its allow-pattern. */
export class ParamError extends Error {
  override readonly name = 'ParamError';
  constructor(
    message: string,
    readonly param: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A runbook or query id that does not exist. */
export class UnknownRunbookError extends Error {
  override readonly name = 'UnknownRunbookError';
}

/** A query failed on its engine (Athena FAILED/CANCELLED, DuckDB error, timeout). */
export class QueryExecutionError extends Error {
  override readonly name: string = 'QueryExecutionError';
  constructor(
    message: string,
    readonly query: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The Athena query did not finish within the allowed time; it was stopped. */
export class QueryTimeoutError extends QueryExecutionError {
  override readonly name = 'QueryTimeoutError';
}

/** The query was cancelled (Ctrl-C, or CANCELLED on Athena). */
export class QueryCancelledError extends QueryExecutionError {
  override readonly name = 'QueryCancelledError';
}

/** Local log files could not be loaded (none found, or every one rejected). */
export class LocalLogsError extends Error {
  override readonly name = 'LocalLogsError';
}
