import {
  type CloudWatchClient,
  GetMetricDataCommand,
  type GetMetricDataCommandOutput,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import { MetricFetchError } from '../errors.js';
import { SeriesBuilder } from '../series-builder.js';
import type { MetricSeries } from '../types.js';
import { chunk, MAX_QUERIES_PER_CALL } from './queries.js';
import { DEFAULT_RETRY, type RetryOptions, withRetry } from './retry.js';

/** `[start, end)` in epoch ms, both on period boundaries. */
export interface MetricWindow {
  readonly start: number;
  readonly end: number;
}

export interface FetchOptions {
  readonly retry?: RetryOptions;
  /** Extra GetMetricData rounds for queries still `InternalError`/`PartialData` after paging. Default 2. */
  readonly incompleteRetries?: number;
  /** Pages read at most per round (a runaway NextToken must not loop forever). Default 1000. */
  readonly maxPages?: number;
  /** Epoch ms after which no call starts. */
  readonly deadline?: number;
  readonly now?: () => number;
}

export interface FetchResult {
  /** One per query, in label order; `complete: false` for those CloudWatch never finished. */
  readonly series: readonly MetricSeries[];
  /** Series that stayed incomplete, with their last StatusCode (`Forbidden`: a permission problem). */
  readonly incomplete: readonly { readonly label: string; readonly status: string }[];
  /** CloudWatch's `Messages` and what was odd in the results. */
  readonly warnings: readonly string[];
}

/**
 * Runs GetMetricData for `queries` over `window`: at most 500 queries a call,
 * every page followed (`NextToken`), throttling and 5xx retried with jittered
 * backoff. Results merge per query across pages; a query whose final status is
 * `InternalError` or `PartialData` is asked again on its own (up to
 * `incompleteRetries` times), and stays `complete: false` if it never finishes.
 * `Forbidden` is not retried. A call that keeps failing throws {@link MetricFetchError}.
 */
export async function fetchMetricSeries(
  client: CloudWatchClient,
  queries: readonly MetricDataQuery[],
  window: MetricWindow,
  options: FetchOptions = {},
): Promise<FetchResult> {
  const builder = new SeriesBuilder();
  const incomplete: { label: string; status: string }[] = [];
  for (const batch of chunk(queries, MAX_QUERIES_PER_CALL)) {
    const final = new Map<string, string>();
    let pending = batch;
    for (let round = 0; round <= (options.incompleteRetries ?? 2) && pending.length > 0; round++) {
      const statuses = await fetchRound(client, pending, window, builder, options);
      for (const query of pending)
        final.set(query.Id ?? '', statuses.get(query.Id ?? '') ?? 'Missing');
      pending = pending.filter((query) => {
        const status = final.get(query.Id ?? '');
        return status !== 'Complete' && status !== 'Forbidden';
      });
    }
    for (const query of batch) {
      const status = final.get(query.Id ?? '') ?? 'Missing';
      if (status === 'Complete') continue;
      const label = query.Label ?? query.Id ?? '';
      incomplete.push({ label, status });
      // The status marks the series incomplete even if some pages came back.
      builder.add(label, [], [], status);
    }
  }
  return { series: builder.build(), incomplete, warnings: builder.warnings };
}

/** One GetMetricData round over all its pages; the final StatusCode per query id. */
async function fetchRound(
  client: CloudWatchClient,
  queries: readonly MetricDataQuery[],
  window: MetricWindow,
  builder: SeriesBuilder,
  options: FetchOptions,
): Promise<Map<string, string>> {
  const labels = new Map(queries.map((q) => [q.Id ?? '', q.Label ?? q.Id ?? '']));
  const periods = new Map(queries.map((q) => [q.Id ?? '', q.MetricStat?.Period]));
  const statuses = new Map<string, string>();
  const now = options.now ?? Date.now;
  let token: string | undefined;
  for (let page = 0; page < (options.maxPages ?? 1000); page++) {
    if (options.deadline !== undefined && now() >= options.deadline) {
      throw new MetricFetchError('GetMetricData: out of time before all pages were read', [
        ...labels.values(),
      ]);
    }
    const input = {
      MetricDataQueries: [...queries],
      StartTime: new Date(window.start),
      EndTime: new Date(window.end),
      ScanBy: 'TimestampAscending' as const,
      ...(token ? { NextToken: token } : {}),
    };
    let response: GetMetricDataCommandOutput;
    try {
      response = await withRetry(
        () => client.send(new GetMetricDataCommand(input)),
        options.retry ?? {
          ...DEFAULT_RETRY,
          ...(options.deadline ? { deadline: options.deadline } : {}),
        },
      );
    } catch (cause) {
      throw new MetricFetchError(
        `GetMetricData failed: ${(cause as Error)?.name ?? 'Error'}: ${(cause as Error)?.message ?? String(cause)}`,
        [...labels.values()],
        { cause },
      );
    }
    for (const message of response.Messages ?? []) {
      builder.warnings.push(
        `CloudWatch: ${message.Code ?? 'message'}: ${message.Value ?? ''}`.trim(),
      );
    }
    for (const result of response.MetricDataResults ?? []) {
      const id = result.Id ?? '';
      const label = labels.get(id);
      if (label === undefined) continue;
      builder.add(
        label,
        result.Timestamps ?? [],
        result.Values ?? [],
        result.StatusCode,
        periods.get(id),
      );
      if (result.StatusCode) statuses.set(id, result.StatusCode);
    }
    token = response.NextToken;
    if (!token) return statuses;
  }
  builder.warnings.push('GetMetricData: page limit reached; remaining pages not read');
  for (const id of labels.keys()) statuses.set(id, 'PartialData');
  return statuses;
}
