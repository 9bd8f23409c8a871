import { Duration } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { IDependable } from 'constructs';
import { Construct } from 'constructs';
import { DLQ_RETENTION, INGEST } from './defaults.js';

/** A bucket whose S3 notifications the ingest queue accepts. */
export interface NotificationSource {
  /** Sid of the queue policy statement that admits this bucket; says which bucket it is. */
  readonly sid: string;
  /** ARN of the bucket, built from its name (a reference would make a cycle with the bucket). */
  readonly bucketArn: string;
  /** Account that owns the bucket. */
  readonly account: string;
}

/** Props of {@link IngestQueue}. */
export interface IngestQueueProps {
  /** Timeout of the function that consumes the queue; the visibility timeout is derived from it. */
  readonly consumerTimeout: Duration;
  /** The only buckets whose notifications the queue accepts, each from its own account. */
  readonly sources: readonly NotificationSource[];
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
  /** The queue policy that lets the source buckets send; S3 checks it when notifications are saved. */
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
    let sendPolicy: IDependable | undefined;
    // Confused-deputy guard, one statement per bucket: only that bucket, owned by its own
    // account, may send (a list of each would also admit one bucket's ARN from the other's account).
    for (const source of props.sources) {
      sendPolicy = this.queue.addToResourcePolicy(
        new PolicyStatement({
          sid: source.sid,
          principals: [new ServicePrincipal('s3.amazonaws.com')],
          actions: ['sqs:SendMessage'],
          resources: [this.queue.queueArn],
          conditions: {
            ArnEquals: { 'aws:SourceArn': source.bucketArn },
            StringEquals: { 'aws:SourceAccount': source.account },
          },
        }),
      ).policyDependable;
    }
    if (sendPolicy === undefined) {
      throw new Error(
        'The ingest queue has no resource policy: give it at least one source bucket',
      );
    }
    this.sendPolicy = sendPolicy;
  }
}
