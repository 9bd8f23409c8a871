import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { TrailwatchStack } from './trailwatch-stack.js';

/** One accepted cdk-nag finding: on what, which rule (and finding), and why it is fine. */
export interface NagAcknowledgement {
  readonly construct: IConstruct;
  /** Rule id, with the finding in brackets for rules that report several (IAM5). */
  readonly id: string;
  readonly reason: string;
}

/**
 * EVERY cdk-nag acknowledgement of the app, in this one reviewed place. Add one only with a
 * reason a reviewer can check; the nag test fails on any finding not listed here.
 */
export function nagAcknowledgements(stack: TrailwatchStack): NagAcknowledgement[] {
  return [
    {
      construct: stack.detectors.ingest.role,
      id: `AwsSolutions-IAM5[Resource::${nagResource(stack, stack.trailSource.logObjectsArn)}]`,
      reason:
        'CloudTrail names each log object when it writes it, so s3:GetObject needs a key wildcard; ' +
        'it is limited to the log prefix (<prefix>/AWSLogs/*) of the one trail bucket.',
    },
    {
      construct: stack.detectors.ingest.role,
      id: `AwsSolutions-IAM5[Resource::${nagResource(stack, stack.accessLogs.logObjectsArn)}]`,
      reason:
        'S3 names each server access-log object when it delivers it (date and a random string), so ' +
        's3:GetObject needs a key wildcard; it is limited to the prefix trailwatch buckets log under ' +
        '(s3-access-logs/*) of the one access-log bucket, and grants no other action.',
    },
    {
      construct: stack.detectors.metrics.detector.role,
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'cloudwatch:ListMetrics and cloudwatch:GetMetricData support no resource-level permissions ' +
        '(IAM accepts only Resource "*" for them); the statement holds only these two read actions, ' +
        'which the invocation-spike detector needs to read the Lambda metrics of the account.',
    },
    {
      construct: stack.detectors.fastPathDeadLetterQueue,
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself a dead-letter queue: of the fast-path EventBridge target and of the ' +
        "function's async on-failure destination. cdk-nag only recognises a DLQ named by another " +
        "queue's redrive policy.",
    },
    {
      construct: stack.alertTopics.deliveryDeadLetterQueue,
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue (redrive policy) of the alert and ops SNS ' +
        'subscriptions, which cdk-nag does not recognise as DLQ use.',
    },
  ];
}

/** Applies {@link nagAcknowledgements} to the stack's constructs. */
export function acknowledgeNagFindings(stack: TrailwatchStack): void {
  for (const { construct, id, reason } of nagAcknowledgements(stack)) {
    Validations.of(construct).acknowledge({ id, reason });
  }
}

/**
 * A resource ARN as cdk-nag prints it in a finding id: references become `<AWS::Region>`,
 * `<LogicalId>` or `<LogicalId.Attr>` inside the joined string.
 */
export function nagResource(scope: IConstruct, value: string): string {
  const render = (node: unknown): string => {
    if (typeof node === 'string') return node;
    if (typeof node !== 'object' || node === null) return JSON.stringify(node);
    const fn = node as Record<string, unknown>;
    if (Array.isArray(fn['Fn::Join'])) {
      const [delimiter, items] = fn['Fn::Join'] as [string, unknown[]];
      return items.map(render).join(delimiter);
    }
    if (fn.Ref !== undefined) return `<${render(fn.Ref)}>`;
    if (Array.isArray(fn['Fn::GetAtt'])) {
      const [resource, attribute] = fn['Fn::GetAtt'] as [unknown, unknown];
      return `<${render(resource)}.${render(attribute)}>`;
    }
    return JSON.stringify(node);
  };
  return render(Stack.of(scope).resolve(value));
}
