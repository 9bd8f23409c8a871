import { Duration } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { IDependable } from 'constructs';
import { Construct } from 'constructs';
import { DLQ_RETENTION, INGEST } from './defaults.js';

/** Props of {@link IngestQueue}. */
export interface IngestQueueProps {
  /** Timeout of the function that consumes the queue; the visibility timeout is derived from it. */
  readonly consumerTimeout: Duration;
  /** ARN of the only bucket whose notifications the queue accepts. */
  readonly sourceBucketArn: string;
  /** Account that owns that bucket. */
  readonly sourceAccount: string;
  /**
   * Receives before a message moves to the dead-letter queue.
   * @default INGEST.maxReceiveCount (5)
   */
  readonly maxReceiveCount?: number;
}

/**
 * The queue between S3 notifications for new log files and the ingest function, with its
 * dead-letter queue. SSE-SQS encryption: S3 cannot write to a queue under an AWS-managed
 * KMS key, and the messages hold object keys, not log content.
 */
export class IngestQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  /** The queue policy that lets the trail bucket send; S3 checks it when notifications are saved. */
  readonly sendPolicy: IDependable;

  constructor(scope: Construct, id: string, props: IngestQueueProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: DLQ_RETENTION,
    });
    this.queue = new Queue(this, 'Resource', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: INGEST.retention,
      visibilityTimeout: Duration.seconds(
        props.consumerTimeout.toSeconds() * INGEST.visibilityTimeoutFactor,
      ),
      deadLetterQueue: {
        queue: this.deadLetterQueue,
        maxReceiveCount: props.maxReceiveCount ?? INGEST.maxReceiveCount,
      },
    });
    // Confused-deputy guard: only this bucket, owned by this account, may send.
    const { policyDependable } = this.queue.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowTrailBucketNotifications',
        principals: [new ServicePrincipal('s3.amazonaws.com')],
        actions: ['sqs:SendMessage'],
        resources: [this.queue.queueArn],
        conditions: {
          ArnEquals: { 'aws:SourceArn': props.sourceBucketArn },
          StringEquals: { 'aws:SourceAccount': props.sourceAccount },
        },
      }),
    );
    if (policyDependable === undefined) throw new Error('The ingest queue has no resource policy');
    this.sendPolicy = policyDependable;
  }
}
