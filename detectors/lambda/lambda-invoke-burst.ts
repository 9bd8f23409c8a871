import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { functionNameOf } from '../helpers/lambda-names.js';
import type { Detector } from '../types.js';

/** `arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]` to `<name>`. */
function plainName(fn: string): string {
  return /:function:([^:]+)/.exec(fn)?.[1] ?? fn;
}

/** One principal invoking one function a thousand times in five minutes. */
export const lambdaInvokeBurst: Detector = {
  id: 'lambda-invoke-burst',
  title: 'Burst of Lambda invocations by one principal',
  severity: 'medium',
  description:
    'One principal invoked the same Lambda function 1,000 or more times within 5 minutes ' +
    '(failed and throttled invocations included). Stolen credentials are used to drive ' +
    'functions for denial of wallet, to brute-force through a function that fronts a ' +
    'database or API, or to exfiltrate data through it. Needs Lambda data events (Invoke) in ' +
    'the trail; spikes by event-source mappings and AWS services (invokedBy) are not counted. ' +
    'A CloudWatch Invocations-metric anomaly detector would cover accounts without data ' +
    'events. Benign causes: batch jobs and load tests invoking functions directly.',
  attack: ['T1648', 'T1496'],
  references: [
    'https://docs.aws.amazon.com/lambda/latest/dg/logging-using-cloudtrail.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html',
  ],
  runbook: 'lambda-backdoor',
  dedupWindowSeconds: 3600,
  threshold: { count: 1000, windowSeconds: 300 },
  listensTo: [{ eventSource: 'lambda.amazonaws.com', eventNames: ['Invoke'] }],
  match(event) {
    const id = event.userIdentity;
    if (!id || id.type === 'AWSService' || id.invokedBy) return undefined;
    // Data events also name the function in `resources`, which survives a null request.
    const fn =
      functionNameOf(event) ??
      event.resources?.find((r) => r.type === 'AWS::Lambda::Function')?.ARN;
    if (!fn) return undefined;
    const name = plainName(fn);
    return {
      summary: `${principalOf(event)} invoked Lambda function ${name}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${name}`,
      resources: [fn],
    };
  },
};
