import type { Logger } from '@aws-lambda-powertools/logger';
import {
  CloudWatchClient,
  GetMetricDataCommand,
  type GetMetricDataCommandInput,
  ListMetricsCommand,
} from '@aws-sdk/client-cloudwatch';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, describe, expect, it } from 'vitest';
import { InMemoryAlertStateStore } from '../../alerting/in-memory-state-store.js';
import { AlertDeliveryError } from '../../infra/handlers/deliver.js';
import { createMetricsHandler } from '../../infra/handlers/metrics.js';
import { page, result } from '../fixtures/metrics/get-metric-data.js';
import { DAY, generate, officeHours, T0, withValue } from '../fixtures/metrics/series.js';
import { awsError } from './support.js';

/**
 * The scheduled CloudWatch run (invocation spikes) when its alert cannot be
 * published: the run fails so the schedule's retry runs it again, and with the
 * shared store the spike alerts exactly once. (CloudWatch's own faults, such as
 * throttling, InternalError, PartialData and Forbidden, are covered by the
 * fetcher's and the handler's tests.)
 */

const cloudwatch = mockClient(CloudWatchClient);
const sns = mockClient(SNSClient);
const NOW = T0 + 15 * DAY + 3 * 3_600_000 + 7.5 * 60_000;
const LAST_CLOSED = T0 + 15 * DAY + 2 * 3_600_000 + 55 * 60_000;
const history = {
  'billing-export': withValue(generate(officeHours, { days: 16 }), LAST_CLOSED, 2400),
};
const silent = { info() {}, warn() {}, error() {}, debug() {} } as unknown as Logger;

function answer(input: GetMetricDataCommandInput) {
  const start = input.StartTime?.getTime() ?? 0;
  const end = input.EndTime?.getTime() ?? 0;
  return page(
    (input.MetricDataQueries ?? []).map((q) => {
      const metric = q.MetricStat?.Metric?.MetricName;
      const points =
        metric === 'Invocations'
          ? history['billing-export'].filter((p) => p.time >= start && p.time < end)
          : [];
      return result(q.Id ?? '', q.Label ?? '', points);
    }),
  );
}

describe('Faults: the scheduled CloudWatch run cannot publish', () => {
  afterAll(() => {
    cloudwatch.restore();
    sns.restore();
  });

  it('fails the run while SNS refuses, then alerts the spike exactly once', async () => {
    // Prepare
    cloudwatch.on(ListMetricsCommand).resolves({
      Metrics: [
        {
          Namespace: 'AWS/Lambda',
          MetricName: 'Invocations',
          Dimensions: [{ Name: 'FunctionName', Value: 'billing-export' }],
        },
      ],
    });
    cloudwatch.on(GetMetricDataCommand).callsFake(answer);
    const delivered: string[] = [];
    let refusing = true;
    sns.on(PublishCommand).callsFake((input: { Message?: string }) => {
      if (refusing) throw awsError('Throttling', 400, 'Rate exceeded');
      delivered.push(JSON.parse(JSON.parse(input.Message ?? '{}').default).id);
      return { MessageId: 'm' };
    });
    const store = new InMemoryAlertStateStore();
    const run = () =>
      createMetricsHandler({
        cloudwatch: new CloudWatchClient({ maxAttempts: 1 }),
        sns: new SNSClient({ maxAttempts: 1 }),
        logger: silent,
        env: {
          ALERT_TOPIC_ARN: 'arn:aws:sns:eu-west-1:111122223333:trailwatch-alerts',
          AWS_REGION: 'eu-west-1',
        },
        store,
        publisherOptions: { sleep: async () => undefined },
        now: () => NOW,
        retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => undefined },
      })({}, { invokedFunctionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:m' } as never);

    // Act / Assess
    await expect(run()).rejects.toBeInstanceOf(AlertDeliveryError);
    expect(delivered).toEqual([]);
    refusing = false;
    await run();
    await run();
    expect(delivered).toHaveLength(1);
  });
});
