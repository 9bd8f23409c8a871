import { type CloudWatchClient, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { FUNCTION_NAME } from '../label.js';
import { DEFAULT_RETRY, type RetryOptions, withRetry } from './retry.js';

/** Pages read at most: 500 metrics a page, so 50,000 functions. */
const MAX_PAGES = 100;

/**
 * Functions with an `Invocations` metric of their own (dimension `FunctionName`
 * alone, not per alias or version), sorted. With `recentlyActive` (the default),
 * only those with data in the past three hours: a function idle that long cannot
 * be spiking in the periods judged now, and each query costs money.
 */
export async function listLambdaFunctions(
  client: CloudWatchClient,
  options: { readonly recentlyActive?: boolean; readonly retry?: RetryOptions } = {},
): Promise<string[]> {
  const names = new Set<string>();
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const response = await withRetry(
      () =>
        client.send(
          new ListMetricsCommand({
            Namespace: 'AWS/Lambda',
            MetricName: 'Invocations',
            Dimensions: [{ Name: 'FunctionName' }],
            ...(options.recentlyActive === false ? {} : { RecentlyActive: 'PT3H' }),
            ...(token ? { NextToken: token } : {}),
          }),
        ),
      options.retry ?? DEFAULT_RETRY,
    );
    for (const metric of response.Metrics ?? []) {
      const dimensions = metric.Dimensions ?? [];
      const only = dimensions.length === 1 ? dimensions[0] : undefined;
      if (only?.Name === 'FunctionName' && only.Value && FUNCTION_NAME.test(only.Value)) {
        names.add(only.Value);
      }
    }
    token = response.NextToken;
    if (!token) break;
  }
  return [...names].sort();
}
