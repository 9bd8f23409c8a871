/** One datapoint: the start of its period (epoch ms) and the statistic's value. */
export interface MetricPoint {
  readonly time: number;
  readonly value: number;
}

/** The `AWS/Lambda` metrics the invocation-spike detector reads, per function. */
export const LAMBDA_METRICS = [
  'Invocations',
  'Errors',
  'Throttles',
  'ConcurrentExecutions',
] as const;
export type LambdaMetric = (typeof LAMBDA_METRICS)[number];

/**
 * One metric of one Lambda function over a window, as GetMetricData returned it
 * (or a file in that shape). Points are in ascending time, one per period, finite
 * values only. A period without a point had no datapoint: whether that means zero
 * is the model's call, and only for a `complete` series.
 */
export interface MetricSeries {
  /** The query's Label: `<function> <Metric>` (see `seriesLabel`). */
  readonly label: string;
  readonly functionName: string;
  /** `Invocations`, `Errors`, `Throttles`, `ConcurrentExecutions`, or another metric name. */
  readonly metric: string;
  readonly points: readonly MetricPoint[];
  /**
   * Every datapoint of the window was returned (`StatusCode: Complete` after all
   * pages). An incomplete series is never read as "no spike": it is not judged.
   */
  readonly complete: boolean;
  /** GetMetricData's StatusCode as returned (`Complete`, `PartialData`, `InternalError`, `Forbidden`). */
  readonly status?: string;
  /** The query's period, when known (our own queries); files leave it to be inferred. */
  readonly periodSeconds?: number;
}
