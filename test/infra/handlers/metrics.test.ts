import 'aws-sdk-client-mock-vitest/extend';
import { Logger } from '@aws-lambda-powertools/logger';
import {
  CloudWatchClient,
  CloudWatchServiceException,
  GetMetricDataCommand,
  type GetMetricDataCommandInput,
  ListMetricsCommand,
} from '@aws-sdk/client-cloudwatch';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { HandlerConfigError } from '../../../infra/handlers/config.js';
import {
  createMetricsHandler,
  MetricsIncompleteError,
  readMetricsEnv,
} from '../../../infra/handlers/metrics.js';
import type { MetricPoint } from '../../../ingest/metrics/types.js';
import { page, result } from '../../fixtures/metrics/get-metric-data.js';
import { DAY, generate, officeHours, T0, withValue } from '../../fixtures/metrics/series.js';
import { ENV, TOPIC } from './factories.js';

const cloudwatch = mockClient(CloudWatchClient);
const sns = mockClient(SNSClient);

/** Tuesday 2024-05-14 03:07:30 UTC: the last closed 5-minute period starts at 02:55. */
const NOW = T0 + 15 * DAY + 3 * 3_600_000 + 7.5 * 60_000;
const LAST_CLOSED = T0 + 15 * DAY + 2 * 3_600_000 + 55 * 60_000;
const context = {
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:trailwatch-metrics',
};

/** The functions of the account and their recorded Invocations, by name. */
let history: Record<string, MetricPoint[]>;
let failing: Set<string>;

beforeEach(() => {
  cloudwatch.reset();
  sns.reset();
  failing = new Set();
  const office = generate(officeHours, { days: 16 });
  history = {
    'billing-export': withValue(office, LAST_CLOSED, 2400),
    'orders-api': generate(officeHours, { days: 16, seed: 5 }),
    'nightly-idle': Array.from({ length: 90 }, (_, i) => ({
      time: T0 + i * 4 * 3_600_000,
      value: 1,
    })),
    'trailwatch-s3-ingest': withValue(office, LAST_CLOSED, 9000),
  };
  cloudwatch.on(ListMetricsCommand).resolves({
    Metrics: Object.keys(history).map((name) => ({
      Namespace: 'AWS/Lambda',
      MetricName: 'Invocations',
      Dimensions: [{ Name: 'FunctionName', Value: name }],
    })),
  });
  cloudwatch.on(GetMetricDataCommand).callsFake(answer);
  sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
});

/** GetMetricData as CloudWatch answers it for the recorded history. */
function answer(input: GetMetricDataCommandInput) {
  const start = input.StartTime?.getTime() ?? 0;
  const end = input.EndTime?.getTime() ?? 0;
  return page(
    (input.MetricDataQueries ?? []).map((q) => {
      const name = q.MetricStat?.Metric?.Dimensions?.[0]?.Value ?? '';
      const metric = q.MetricStat?.Metric?.MetricName;
      if (failing.has(name)) return result(q.Id ?? '', q.Label ?? '', [], 'InternalError');
      const points =
        metric === 'Invocations'
          ? (history[name] ?? []).filter((p) => p.time >= start && p.time < end)
          : metric === 'Errors'
            ? [{ time: LAST_CLOSED, value: 812 }]
            : [];
      return result(q.Id ?? '', q.Label ?? '', points);
    }),
  );
}

const run = (env: NodeJS.ProcessEnv = {}, now = NOW) =>
  createMetricsHandler({
    cloudwatch: new CloudWatchClient({ maxAttempts: 1 }),
    sns: new SNSClient({ maxAttempts: 1 }),
    logger: new Logger({ logLevel: 'SILENT' }),
    env: {
      ...ENV,
      AWS_REGION: 'eu-west-1',
      METRICS_EXCLUDE_FUNCTIONS: 'trailwatch-*',
      ...env,
    },
    now: () => now,
    retry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 2, sleep: async () => undefined },
  })({}, context);

function publishedAlerts() {
  return sns.commandCalls(PublishCommand).map((call) => {
    const body = JSON.parse(String(call.args[0].input.Message));
    return JSON.parse(body.default);
  });
}

describe('Handler: scheduled Lambda invocation spikes', () => {
  it('alerts on the spiking function only: not on normal peaks, idle or excluded functions', async () => {
    // Act
    const outcome = await run();

    // Assess
    expect(outcome).toMatchObject({ functions: 4, judged: 3, spikes: 1, published: 1 });
    const [alert, ...others] = publishedAlerts();
    expect(others).toEqual([]);
    expect(alert).toMatchObject({
      detector: 'lambda-invocation-spike',
      severity: 'high',
      account: '111122223333',
      region: 'eu-west-1',
      resources: ['arn:aws:lambda:eu-west-1:111122223333:function:billing-export'],
      runbook: { id: 'lambda-backdoor' },
    });
    expect(alert.summary).toContain('Lambda function billing-export was invoked 2,400 times');
    expect(alert.summary).toContain('errors 812');
    expect(alert.summary).toContain('https://eu-west-1.console.aws.amazon.com/cloudwatch/home');
    expect(sns).toHaveReceivedCommandWith(PublishCommand, { TopicArn: TOPIC });
  });

  it('does not alert on the normal morning ramp and peak of busy functions', async () => {
    // Prepare: Wednesday 08:00-10:00, every function rising from ~20 to ~600 per period.
    const mornings = [8.5, 9, 9.5, 10].map((h) => T0 + 16 * DAY + h * 3_600_000 + 7.5 * 60_000);
    for (const name of ['billing-export', 'orders-api']) {
      history[name] = generate(officeHours, { days: 17, seed: name.length });
    }

    for (const now of mornings) {
      // Act
      const outcome = await run({}, now);

      // Assess
      expect(outcome.judged).toBe(3);
      expect(outcome.spikes).toBe(0);
    }
    expect(sns).not.toHaveReceivedCommand(PublishCommand);
  });

  it('reads only closed periods: the window ends at the last period a settling delay ago', async () => {
    const outcome = await run();

    expect(outcome.evaluated.to).toBe(LAST_CLOSED + 300_000);
    const first = cloudwatch.commandCalls(GetMetricDataCommand)[0]?.args[0].input;
    expect(first?.EndTime).toEqual(new Date(LAST_CLOSED + 300_000));
    expect(first?.MetricDataQueries?.map((q) => q.Label)).toEqual([
      'billing-export Invocations',
      'nightly-idle Invocations',
      'orders-api Invocations',
    ]);
  });

  it('retries throttled GetMetricData calls and still alerts', async () => {
    const throttled = new CloudWatchServiceException({
      name: 'Throttling',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
      message: 'Rate exceeded',
    });
    cloudwatch
      .on(GetMetricDataCommand)
      .rejectsOnce(throttled)
      .rejectsOnce(throttled)
      .callsFake(answer);

    const outcome = await run();

    expect(outcome.published).toBe(1);
    // Two throttled attempts, then the Invocations call and the context call.
    expect(cloudwatch).toHaveReceivedCommandTimes(GetMetricDataCommand, 4);
  });

  it('publishes what it could judge, then fails naming the functions it could not', async () => {
    failing.add('orders-api');

    await expect(run()).rejects.toThrow(MetricsIncompleteError);
    await expect(run()).rejects.toThrow(
      /orders-api \(CloudWatch returned incomplete data \(InternalError\)/,
    );
    expect(publishedAlerts().map((a) => a.detector)).toContain('lambda-invocation-spike');
  });

  it('honours per-function settings from the config', async () => {
    const config = JSON.stringify({
      settings: { lambdaSpikes: { functions: { 'billing-export': { minRatio: 500 } } } },
    });

    const outcome = await run({ TRAILWATCH_CONFIG: config });

    expect(outcome.spikes).toBe(0);
    expect(sns).not.toHaveReceivedCommand(PublishCommand);
  });

  it('queries nothing when the detector is disabled in the config', async () => {
    const config = JSON.stringify({ detectors: { 'lambda-invocation-spike': { enabled: false } } });

    const outcome = await run({ TRAILWATCH_CONFIG: config });

    expect(outcome.judged).toBe(0);
    expect(sns).not.toHaveReceivedCommand(PublishCommand);
  });
});

describe('readMetricsEnv', () => {
  it('reads defaults and refuses values that cannot work', () => {
    expect(readMetricsEnv({})).toEqual({
      periodSeconds: 300,
      settleSeconds: 180,
      evaluateSeconds: 900,
      exclude: [],
    });
    expect(() => readMetricsEnv({ METRICS_PERIOD_SECONDS: '90' })).toThrow(HandlerConfigError);
    expect(() => readMetricsEnv({ METRICS_EVALUATE_SECONDS: '60' })).toThrow(/between the period/);
    expect(() => readMetricsEnv({ METRICS_EXCLUDE_FUNCTIONS: 'ok,bad name' })).toThrow(/bad name/);
  });
});
