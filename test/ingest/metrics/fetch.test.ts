import 'aws-sdk-client-mock-vitest/extend';
import {
  CloudWatchClient,
  CloudWatchServiceException,
  GetMetricDataCommand,
  ListMetricsCommand,
} from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { fetchMetricSeries } from '../../../ingest/metrics/cloudwatch/fetch.js';
import { listLambdaFunctions } from '../../../ingest/metrics/cloudwatch/list-functions.js';
import { lambdaQueries } from '../../../ingest/metrics/cloudwatch/queries.js';
import { isRetryable, withRetry } from '../../../ingest/metrics/cloudwatch/retry.js';
import { closedWindow } from '../../../ingest/metrics/cloudwatch/window.js';
import { MetricFetchError } from '../../../ingest/metrics/errors.js';
import { page, result } from '../../fixtures/metrics/get-metric-data.js';

const cloudwatch = mockClient(CloudWatchClient);
const client = new CloudWatchClient({});
const WINDOW = { start: Date.UTC(2024, 4, 14, 9), end: Date.UTC(2024, 4, 14, 10) };
const at = (minute: number) => WINDOW.start + minute * 60_000;
/** No real waiting in tests; every delay is recorded. */
const delays: number[] = [];
const retry = {
  attempts: 4,
  baseDelayMs: 100,
  maxDelayMs: 1000,
  random: () => 0.5,
  sleep: async (ms: number) => {
    delays.push(ms);
  },
};

const throttled = () =>
  new CloudWatchServiceException({
    name: 'Throttling',
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
    message: 'Rate exceeded',
  });

beforeEach(() => {
  cloudwatch.reset();
  delays.length = 0;
});

describe('fetchMetricSeries', () => {
  it('asks at most 500 queries per GetMetricData call', async () => {
    // Prepare: 1,200 functions, one query each.
    const names = Array.from({ length: 1200 }, (_, i) => `fn-${i}`);
    const queries = lambdaQueries(names, ['Invocations'], 300);
    cloudwatch
      .on(GetMetricDataCommand)
      .callsFake((input) =>
        page(
          input.MetricDataQueries.map((q: { Id: string; Label: string }) =>
            result(q.Id, q.Label, [{ time: at(0), value: 1 }]),
          ),
        ),
      );

    // Act
    const fetched = await fetchMetricSeries(client, queries, WINDOW, { retry });

    // Assess
    const sizes = cloudwatch
      .commandCalls(GetMetricDataCommand)
      .map((call) => call.args[0].input.MetricDataQueries?.length);
    expect(sizes).toEqual([500, 500, 200]);
    expect(fetched.series).toHaveLength(1200);
    expect(fetched.series.every((s) => s.complete)).toBe(true);
    expect(cloudwatch).toHaveReceivedCommandWith(GetMetricDataCommand, {
      StartTime: new Date(WINDOW.start),
      EndTime: new Date(WINDOW.end),
      ScanBy: 'TimestampAscending',
    });
  });

  it('follows NextToken and merges the pages of each query', async () => {
    const queries = lambdaQueries(['billing-export'], ['Invocations'], 300);
    cloudwatch
      .on(GetMetricDataCommand)
      .resolvesOnce(
        page(
          [result('m0', 'billing-export Invocations', [{ time: at(0), value: 4 }], 'PartialData')],
          'page-2',
        ),
      )
      .resolvesOnce(
        page([result('m0', 'billing-export Invocations', [{ time: at(5), value: 6 }])]),
      );

    const { series, incomplete } = await fetchMetricSeries(client, queries, WINDOW, { retry });

    expect(cloudwatch).toHaveReceivedNthCommandWith(GetMetricDataCommand, 2, {
      NextToken: 'page-2',
    });
    expect(series[0]).toMatchObject({
      functionName: 'billing-export',
      metric: 'Invocations',
      complete: true,
      periodSeconds: 300,
      points: [
        { time: at(0), value: 4 },
        { time: at(5), value: 6 },
      ],
    });
    expect(incomplete).toEqual([]);
  });

  it('retries throttling with jittered backoff and then succeeds', async () => {
    const queries = lambdaQueries(['api'], ['Invocations'], 300);
    cloudwatch
      .on(GetMetricDataCommand)
      .rejectsOnce(throttled())
      .rejectsOnce(throttled())
      .resolves(page([result('m0', 'api Invocations', [{ time: at(0), value: 2 }])]));

    const { series } = await fetchMetricSeries(client, queries, WINDOW, { retry });

    expect(cloudwatch).toHaveReceivedCommandTimes(GetMetricDataCommand, 3);
    expect(delays).toEqual([50, 100]);
    expect(series[0]?.complete).toBe(true);
  });

  it('gives up after the last attempt with a named error naming the series', async () => {
    cloudwatch.on(GetMetricDataCommand).rejects(throttled());

    const fetching = fetchMetricSeries(
      client,
      lambdaQueries(['api'], ['Invocations'], 300),
      WINDOW,
      {
        retry,
      },
    );

    await expect(fetching).rejects.toThrow(MetricFetchError);
    await expect(fetching).rejects.toMatchObject({ labels: ['api Invocations'] });
    expect(cloudwatch).toHaveReceivedCommandTimes(GetMetricDataCommand, 4);
  });

  it('does not retry a validation error', async () => {
    cloudwatch.on(GetMetricDataCommand).rejects(
      new CloudWatchServiceException({
        name: 'InvalidParameterValue',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
        message: 'bad period',
      }),
    );

    await expect(
      fetchMetricSeries(client, lambdaQueries(['api'], ['Invocations'], 7), WINDOW, { retry }),
    ).rejects.toThrow(/InvalidParameterValue/);
    expect(cloudwatch).toHaveReceivedCommandTimes(GetMetricDataCommand, 1);
  });

  it('asks again for a query left InternalError, alone', async () => {
    const queries = lambdaQueries(['a', 'b'], ['Invocations'], 300);
    cloudwatch
      .on(GetMetricDataCommand)
      .resolvesOnce(
        page([
          result('m0', 'a Invocations', [{ time: at(0), value: 1 }]),
          result('m1', 'b Invocations', [], 'InternalError'),
        ]),
      )
      .resolvesOnce(page([result('m1', 'b Invocations', [{ time: at(0), value: 9 }])]));

    const { series, incomplete } = await fetchMetricSeries(client, queries, WINDOW, { retry });

    const second = cloudwatch.commandCalls(GetMetricDataCommand)[1]?.args[0].input;
    expect(second?.MetricDataQueries?.map((q) => q.Id)).toEqual(['m1']);
    expect(series.map((s) => [s.functionName, s.complete, s.points.length])).toEqual([
      ['a', true, 1],
      ['b', true, 1],
    ]);
    expect(incomplete).toEqual([]);
  });

  it('marks a query that never completes, and a forbidden one, as incomplete (missing is not zero)', async () => {
    const queries = lambdaQueries(['a', 'b'], ['Invocations'], 300);
    cloudwatch
      .on(GetMetricDataCommand)
      .callsFake((input) =>
        page(
          input.MetricDataQueries.map((q: { Id: string; Label: string }) =>
            result(q.Id, q.Label, [], q.Id === 'm0' ? 'Forbidden' : 'InternalError'),
          ),
        ),
      );

    const { series, incomplete } = await fetchMetricSeries(client, queries, WINDOW, {
      retry,
      incompleteRetries: 2,
    });

    // The forbidden query is asked once; the failing one three times in all.
    const asked = cloudwatch
      .commandCalls(GetMetricDataCommand)
      .flatMap((c) => c.args[0].input.MetricDataQueries?.map((q) => q.Id) ?? []);
    expect(asked).toEqual(['m0', 'm1', 'm1', 'm1']);
    expect(incomplete).toEqual([
      { label: 'a Invocations', status: 'Forbidden' },
      { label: 'b Invocations', status: 'InternalError' },
    ]);
    expect(series.map((s) => s.complete)).toEqual([false, false]);
  });

  it('stops at the deadline rather than run the function out of time', async () => {
    cloudwatch.on(GetMetricDataCommand).resolves(page([], 'more'));

    await expect(
      fetchMetricSeries(client, lambdaQueries(['a'], ['Invocations'], 300), WINDOW, {
        retry,
        deadline: 1000,
        now: () => 2000,
      }),
    ).rejects.toThrow(/out of time/);
  });
});

describe('listLambdaFunctions', () => {
  it('lists functions with their own Invocations metric, across pages, recently active', async () => {
    cloudwatch
      .on(ListMetricsCommand)
      .resolvesOnce({
        Metrics: [
          {
            Namespace: 'AWS/Lambda',
            MetricName: 'Invocations',
            Dimensions: [{ Name: 'FunctionName', Value: 'orders' }],
          },
          {
            Namespace: 'AWS/Lambda',
            MetricName: 'Invocations',
            Dimensions: [
              { Name: 'FunctionName', Value: 'orders' },
              { Name: 'Resource', Value: 'orders:live' },
            ],
          },
        ],
        NextToken: 't2',
      })
      .rejectsOnce(throttled())
      .resolvesOnce({
        Metrics: [
          {
            Namespace: 'AWS/Lambda',
            MetricName: 'Invocations',
            Dimensions: [{ Name: 'FunctionName', Value: 'billing-export' }],
          },
        ],
      });

    const names = await listLambdaFunctions(client, { retry });

    expect(names).toEqual(['billing-export', 'orders']);
    expect(cloudwatch).toHaveReceivedCommandWith(ListMetricsCommand, {
      Namespace: 'AWS/Lambda',
      MetricName: 'Invocations',
      RecentlyActive: 'PT3H',
    });
    expect(cloudwatch).toHaveReceivedNthCommandWith(ListMetricsCommand, 3, { NextToken: 't2' });
  });
});

describe('retry helpers', () => {
  it('classifies throttling, 5xx and resets as retryable, validation and access errors not', () => {
    expect(isRetryable(throttled())).toBe(true);
    expect(isRetryable({ name: 'InternalServiceFault', $metadata: { httpStatusCode: 500 } })).toBe(
      true,
    );
    expect(isRetryable(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isRetryable({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } })).toBe(false);
    expect(isRetryable(null)).toBe(false);
  });

  it('does not start a retry that would end past the deadline', async () => {
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(throttled());
    };

    await expect(withRetry(failing, { ...retry, deadline: 1040, now: () => 1000 })).rejects.toThrow(
      'Rate exceeded',
    );
    expect(calls).toBe(1);
  });
});

describe('closedWindow', () => {
  it('ends on the last period boundary a settling delay before now', () => {
    const now = Date.UTC(2024, 4, 14, 10, 7, 30);

    expect(closedWindow(now, 300, 180, 14)).toEqual({
      start: Date.UTC(2024, 3, 30, 10, 0),
      end: Date.UTC(2024, 4, 14, 10, 0),
    });
  });
});
