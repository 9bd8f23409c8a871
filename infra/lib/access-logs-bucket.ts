import { Aws, type Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct, type IDependable } from 'constructs';
import { ACCESS_LOG_LAYOUT } from './access-log-layout.js';
import { ACCESS_LOGS } from './defaults.js';

/** Props of {@link AccessLogsBucket}. */
export interface AccessLogsBucketProps {
  /**
   * How long access-log objects are kept.
   * @default ACCESS_LOGS.expiration (365 days)
   */
  readonly expiration?: Duration;
}

/**
 * Receives S3 server access logs of the trail bucket and the Athena results bucket, so
 * reads of the audit trail are themselves on record, and feeds them to the ingest queue.
 * S3 can only deliver access logs to an SSE-S3 bucket, hence no KMS key here.
 */
export class AccessLogsBucket extends Construct {
  readonly bucket: Bucket;
  /**
   * `trailwatch-access-logs-<stack UUID>`: unique per stack (and per re-creation of it, so
   * a retained bucket never blocks a new deploy) and known without referencing the
   * bucket, which the ingest queue policy needs (see {@link bucketArn}).
   */
  readonly bucketName: string;
  /**
   * Built from the name, not a reference: the queue policy names this ARN and the bucket
   * depends on that policy, so a reference would be a dependency cycle.
   */
  readonly bucketArn: string;
  /** ARN pattern of every access-log object trailwatch's buckets write: what the ingest function may read. */
  readonly logObjectsArn: string;

  constructor(scope: Construct, id: string, props: AccessLogsBucketProps = {}) {
    super(scope, id);
    // arn:aws:cloudformation:<region>:<account>:stack/<name>/<uuid> → <uuid> (36 characters).
    const stackUuid = Fn.select(2, Fn.split('/', Aws.STACK_ID));
    this.bucketName = `trailwatch-access-logs-${stackUuid}`;
    this.bucketArn = Stack.of(this).formatArn({
      service: 's3',
      region: '',
      account: '',
      resource: this.bucketName,
    });
    this.logObjectsArn = `${this.bucketArn}/${ACCESS_LOG_LAYOUT.prefix}*`;
    this.bucket = new Bucket(this, 'Resource', {
      bucketName: this.bucketName,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: props.expiration ?? ACCESS_LOGS.expiration }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /**
   * Sends S3 notifications for new access-log objects under {@link ACCESS_LOG_LAYOUT}'s
   * prefix to `queue`. Set on the bucket's own NotificationConfiguration rather than
   * through `addEventNotification`, whose custom-resource Lambda may rewrite any bucket's
   * notifications (`Resource: *`). No suffix filter: S3 names log objects without an
   * extension. The queue policy must exist first: S3 checks it when saving the configuration.
   */
  notifyOnNewLogs(queue: IQueue, queuePolicy: IDependable): void {
    const cfnBucket = this.bucket.node.defaultChild as CfnBucket;
    cfnBucket.notificationConfiguration = {
      queueConfigurations: [
        {
          event: 's3:ObjectCreated:*',
          queue: queue.queueArn,
          filter: { s3Key: { rules: [{ name: 'prefix', value: ACCESS_LOG_LAYOUT.prefix }] } },
        },
      ],
    };
    cfnBucket.node.addDependency(queuePolicy);
  }
}
