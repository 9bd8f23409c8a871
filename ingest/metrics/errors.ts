/** A metrics file that cannot be used at all: not JSON or CSV of metric series, or unreadable. */
export class MetricsFileError extends Error {
  override readonly name = 'MetricsFileError';

  constructor(
    readonly path: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${path}: ${reason}`, options);
  }
}

/**
 * GetMetricData could not give a complete answer for some series even after
 * paging and retries (`InternalError`, `PartialData` left over, `Forbidden`), or
 * the calls themselves failed. The affected functions are not judged: this is
 * reported as a pipeline error, never read as "no spike".
 */
export class MetricFetchError extends Error {
  override readonly name = 'MetricFetchError';

  constructor(
    message: string,
    readonly labels: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
