import type { CloudTrailEvent } from '../../ingest/cloudtrail-event.js';
import { EVIDENCE_EVENT_TYPE } from '../helpers/source-detector.js';
import type { SpikeVerdict } from './spike-model.js';

/** Where the metric came from: the account and region the GetMetricData call read. */
export interface MetricScope {
  readonly account?: string;
  readonly region?: string;
}

/** `arn:aws:lambda:<region>:<account>:function:<name>`, or the bare name when either is unknown. */
export function functionResource(functionName: string, scope: MetricScope): string {
  return scope.account && scope.region
    ? `arn:aws:lambda:${scope.region}:${scope.account}:function:${functionName}`
    : functionName;
}

/**
 * A spike as a CloudTrail-shaped evidence event (`eventType: CloudWatchMetric`,
 * which CloudTrail never writes): time of the period, the function in
 * `requestParameters.functionName` and `resources` as Lambda's own events name it,
 * the numbers in `additionalEventData`. No principal: the metric does not say who
 * invoked (the runbook's queries do). The event id is the function and period, so
 * a period judged again by an overlapping run counts once.
 */
export function metricEvidence(
  functionName: string,
  verdict: SpikeVerdict,
  scope: MetricScope,
  extra: Readonly<Record<string, unknown>>,
): CloudTrailEvent {
  const time = new Date(verdict.periodStart).toISOString();
  return {
    eventVersion: '1.09',
    eventType: EVIDENCE_EVENT_TYPE.metric,
    eventTime: time,
    eventSource: 'lambda.amazonaws.com',
    eventName: 'Invocations',
    eventID: `lambda-invocations/${scope.region ?? '-'}/${functionName}/${time}`,
    ...(scope.region ? { awsRegion: scope.region } : {}),
    recipientAccountId: scope.account ?? 'unknown',
    userIdentity: null,
    requestParameters: { functionName },
    responseElements: null,
    additionalEventData: {
      namespace: 'AWS/Lambda',
      metric: 'Invocations',
      periodSeconds: verdict.periodSeconds,
      observed: verdict.observed,
      expected: verdict.expected,
      ratio: verdict.ratio,
      score: verdict.score,
      basis: verdict.basis,
      samples: verdict.samples,
      ...extra,
    },
    resources: [{ type: 'AWS::Lambda::Function', ARN: functionResource(functionName, scope) }],
    readOnly: true,
    managementEvent: false,
  };
}
