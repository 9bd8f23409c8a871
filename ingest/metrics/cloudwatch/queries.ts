import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { seriesLabel } from '../label.js';

/** GetMetricData takes at most this many queries per call. */
export const MAX_QUERIES_PER_CALL = 500;

/** Per-period statistic: counts add up; concurrency is a level, so its peak. */
export function statisticFor(metric: string): 'Sum' | 'Maximum' {
  return metric === 'ConcurrentExecutions' ? 'Maximum' : 'Sum';
}

/**
 * One query per function and metric, labelled `<function> <Metric>` so results
 * (and files saved from them) name what they measure. Ids are positional (`m0`,
 * `m1`...): GetMetricData wants them to start with a lower-case letter.
 */
export function lambdaQueries(
  functionNames: readonly string[],
  metrics: readonly string[],
  periodSeconds: number,
): MetricDataQuery[] {
  const queries: MetricDataQuery[] = [];
  for (const functionName of functionNames) {
    for (const metric of metrics) {
      queries.push({
        Id: `m${queries.length}`,
        Label: seriesLabel(functionName, metric),
        MetricStat: {
          Metric: {
            Namespace: 'AWS/Lambda',
            MetricName: metric,
            Dimensions: [{ Name: 'FunctionName', Value: functionName }],
          },
          Period: periodSeconds,
          Stat: statisticFor(metric),
        },
        ReturnData: true,
      });
    }
  }
  return queries;
}

/** Splits `items` into runs of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
