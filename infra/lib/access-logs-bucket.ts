import { type Duration, RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
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
 * reads of the audit trail are themselves on record. S3 can only deliver access logs to
 * an SSE-S3 bucket, hence no KMS key here.
 */
export class AccessLogsBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: AccessLogsBucketProps = {}) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Resource', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: props.expiration ?? ACCESS_LOGS.expiration }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
