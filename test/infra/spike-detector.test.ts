import { describe, expect, it } from 'vitest';
import { readMetricsEnv } from '../../infra/handlers/metrics.js';
import { onlyResource, resourcesOf, synth } from './support.js';

const metricsFunctionOf = (template: ReturnType<typeof synth>) => {
  const found = Object.entries(resourcesOf(template, 'AWS::Lambda::Function')).filter(([id]) =>
    id.startsWith('DetectorsMetricsFunction'),
  );
  expect(found).toHaveLength(1);
  return { id: found[0]?.[0] as string, props: found[0]?.[1].Properties ?? {} };
};

describe('InvocationSpikeDetector', () => {
  const template = synth();
  const fn = metricsFunctionOf(template);

  it('runs one run at a time for up to 3 minutes with 512 MB, never retried by Lambda', () => {
    expect(fn.props).toMatchObject({
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      MemorySize: 512,
      Timeout: 180,
      ReservedConcurrentExecutions: 1,
    });
    const invokeConfigs = Object.values(
      resourcesOf(template, 'AWS::Lambda::EventInvokeConfig'),
    ).filter((c) => JSON.stringify(c.Properties?.FunctionName) === JSON.stringify({ Ref: fn.id }));
    expect(invokeConfigs.map((c) => c.Properties?.MaximumRetryAttempts)).toEqual([0]);
  });

  it('is invoked by EventBridge Scheduler every 5 minutes, with no retries, by its own role', () => {
    const schedule = onlyResource(template, 'AWS::Scheduler::Schedule');

    expect(schedule.Properties).toMatchObject({
      ScheduleExpression: 'rate(5 minutes)',
      State: 'ENABLED',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        Arn: { 'Fn::GetAtt': [fn.id, 'Arn'] },
        RoleArn: { 'Fn::GetAtt': [expect.stringMatching(/^DetectorsMetricsSchedulerRole/), 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 0 },
      },
    });
  });

  it('gets the shared alerting environment and the metrics window settings', () => {
    const env: Record<string, unknown> = fn.props.Environment.Variables;

    expect(Object.keys(env)).toEqual(
      expect.arrayContaining([
        'ALERT_TOPIC_ARN',
        'ALERT_TOPIC_ARN_CRITICAL',
        'ALERT_TOPIC_ARN_INFO',
        'TRAILWATCH_CONFIG',
        'STATE_TABLE_NAME',
      ]),
    );
    expect(env).toMatchObject({
      METRICS_PERIOD_SECONDS: '300',
      METRICS_SETTLE_SECONDS: '180',
      METRICS_EVALUATE_SECONDS: '900',
    });
  });

  it("never judges the stack's own functions: their names and the stack's name prefix", () => {
    const env = fn.props.Environment.Variables;
    const joined: { 'Fn::Join': [string, unknown[]] } = env.METRICS_EXCLUDE_FUNCTIONS;
    const text = joined['Fn::Join'][1]
      .map((part) => (typeof part === 'string' ? part : JSON.stringify(part)))
      .join('');

    expect(text).toMatch(
      /^\{"Ref":"DetectorsIngest[0-9A-F]{8}"\},\{"Ref":"DetectorsFastPath[0-9A-F]{8}"\},Trailwatch-\*$/,
    );
    // The handler accepts the list (with the references replaced by names).
    const exclude = readMetricsEnv({
      METRICS_EXCLUDE_FUNCTIONS: 'Trailwatch-DetectorsIngest0F2B63A2-AbCdEf,Trailwatch-*',
    }).exclude;
    expect(exclude).toEqual(['Trailwatch-DetectorsIngest0F2B63A2-AbCdEf', 'Trailwatch-*']);
  });

  it('keeps the name prefix within what the handler accepts for a long stack name', () => {
    const long = `Trailwatch-${'x'.repeat(80)}`;
    const env = metricsFunctionOf(synth({ stackName: long })).props.Environment.Variables;
    const parts: unknown[] = env.METRICS_EXCLUDE_FUNCTIONS['Fn::Join'][1];
    const prefix = String(parts.at(-1)).replace(/^,/, '');

    expect(prefix).toBe(`${long.slice(0, 64)}*`);
    expect(readMetricsEnv({ METRICS_EXCLUDE_FUNCTIONS: prefix }).exclude).toEqual([prefix]);
  });
});
