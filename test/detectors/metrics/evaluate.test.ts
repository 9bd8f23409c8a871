import { describe, expect, it } from 'vitest';
import { consoleGraphUrl } from '../../../detectors/metrics/console-link.js';
import { judgeLambdaSeries, spikeFindings } from '../../../detectors/metrics/evaluate.js';
import { DEFAULT_SETTINGS } from '../../../detectors/types.js';
import type { MetricSeries } from '../../../ingest/metrics/types.js';
import {
  DAY,
  generate,
  invocations,
  officeHours,
  T0,
  withValue,
} from '../../fixtures/metrics/series.js';

const SPIKE_AT = T0 + 15 * DAY + 3 * 3_600_000;
const scope = { account: '111122223333', region: 'eu-west-1' };
const range = { from: T0 + 15 * DAY, to: T0 + 16 * DAY };

const spiked = invocations(
  'billing-export',
  withValue(generate(officeHours, { days: 16 }), SPIKE_AT, 2400),
);
const quiet = invocations('orders-api', generate(officeHours, { days: 16, seed: 9 }));

describe('judgeLambdaSeries', () => {
  it('finds the spiking function among normal ones', () => {
    // Act
    const result = judgeLambdaSeries([spiked, quiet], { settings: DEFAULT_SETTINGS, range });

    // Assess
    expect(result.judged).toEqual(['billing-export', 'orders-api']);
    expect(
      result.spikes.map((s) => [s.functionName, s.verdicts.map((v) => v.periodStart)]),
    ).toEqual([['billing-export', [SPIKE_AT]]]);
    expect(result.skipped).toEqual([]);
  });

  it('never judges an incomplete series, and says so', () => {
    const partial = { ...spiked, complete: false, status: 'PartialData' };

    const result = judgeLambdaSeries([partial], { settings: DEFAULT_SETTINGS, range });

    expect(result.spikes).toEqual([]);
    expect(result.skipped).toEqual([
      {
        functionName: 'billing-export',
        reason: 'CloudWatch returned incomplete data (PartialData); not judged',
      },
    ]);
  });

  it('honours per-function overrides', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      lambdaSpikes: { functions: { 'billing-*': { minInvocationsPerMinute: 1000 } } },
    };

    expect(judgeLambdaSeries([spiked], { settings, range }).spikes).toEqual([]);
  });

  it('infers the period of a file series from its timestamps', () => {
    const { periodSeconds: _period, ...unlabelled } = spiked;

    const result = judgeLambdaSeries([unlabelled as MetricSeries], {
      settings: DEFAULT_SETTINGS,
      range,
    });

    expect(result.spikes[0]?.verdicts[0]?.periodSeconds).toBe(300);
  });
});

describe('spikeFindings', () => {
  const { spikes } = judgeLambdaSeries([spiked], { settings: DEFAULT_SETTINGS, range });
  const context: MetricSeries[] = [
    {
      ...spiked,
      label: 'billing-export Errors',
      metric: 'Errors',
      points: [{ time: SPIKE_AT, value: 812 }],
    },
    { ...spiked, label: 'billing-export Throttles', metric: 'Throttles', points: [] },
  ];

  it('names the function, the observed and expected counts, context and a console graph', () => {
    // Act
    const [finding] = spikeFindings(spikes, context, scope);

    // Assess
    expect(finding?.detector.id).toBe('lambda-invocation-spike');
    expect(finding?.severity).toBe('high');
    expect(finding?.summary).toMatch(
      /^Lambda function billing-export was invoked 2,400 times in 5 min from 2024-05-14T03:00Z; expected about \d+ \(same time of (day|week), past \d+ (days|weeks)\): [\d.]+× the baseline, [\d.]+ robust deviations above; errors 812, throttles 0\. Graph: https:\/\/eu-west-1\.console\.aws\.amazon\.com\/cloudwatch\/home\?region=eu-west-1#metricsV2\?graph=/,
    );
    expect(finding?.resources).toEqual([
      'arn:aws:lambda:eu-west-1:111122223333:function:billing-export',
    ]);
    expect(finding?.dedupKey).toBe('111122223333|eu-west-1|billing-export');
    expect(finding?.event).toMatchObject({
      eventType: 'CloudWatchMetric',
      eventTime: '2024-05-14T03:00:00.000Z',
      eventSource: 'lambda.amazonaws.com',
      recipientAccountId: '111122223333',
      awsRegion: 'eu-west-1',
      requestParameters: { functionName: 'billing-export' },
      eventID: 'lambda-invocations/eu-west-1/billing-export/2024-05-14T03:00:00.000Z',
    });
  });

  it('leaves out context it does not have', () => {
    const [finding] = spikeFindings(spikes, [], {});

    expect(finding?.summary).not.toContain('errors');
    expect(finding?.resources).toEqual(['billing-export']);
    expect(finding?.event.recipientAccountId).toBe('unknown');
  });
});

describe('consoleGraphUrl', () => {
  it('encodes the graph in the console notation', () => {
    const url = consoleGraphUrl({
      functionName: 'billing-export',
      region: 'us-east-1',
      periodSeconds: 300,
      from: Date.UTC(2024, 4, 13, 3),
      to: Date.UTC(2024, 4, 14, 4, 5),
    });

    expect(url).toBe(
      "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#metricsV2?graph=~(metrics~(~(~'AWS*2fLambda~'Invocations~'FunctionName~'billing-export)~(~'AWS*2fLambda~'Errors~'FunctionName~'billing-export)~(~'AWS*2fLambda~'Throttles~'FunctionName~'billing-export))~view~'timeSeries~stacked~false~region~'us-east-1~stat~'Sum~period~300~start~'2024-05-13T03*3a00*3a00.000Z~end~'2024-05-14T04*3a05*3a00.000Z)",
    );
  });

  it('gives no link for a name or region that is not allow-listed', () => {
    const base = { periodSeconds: 300, from: 0, to: 1 };

    expect(
      consoleGraphUrl({ ...base, functionName: 'x)~(evil', region: 'us-east-1' }),
    ).toBeUndefined();
    expect(
      consoleGraphUrl({ ...base, functionName: 'ok', region: 'evil.example/x' }),
    ).toBeUndefined();
  });
});
