import { Aws, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { ReadWriteType, Trail } from 'aws-cdk-lib/aws-cloudtrail';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct, type IDependable } from 'constructs';
import { serverAccessLogsTo } from './access-log-layout.js';
import type { TrailSourceConfig } from './config.js';
import { NEW_TRAIL, TRAIL_LOG_LAYOUT } from './defaults.js';

/** Props of {@link TrailSource}. */
export interface TrailSourceProps {
  /** Create a trail, or read an existing trail's bucket. */
  readonly source: TrailSourceConfig;
  /**
   * Key prefix the trail writes under, before `AWSLogs/`, without slashes at either end.
   * @default no prefix
   */
  readonly keyPrefix?: string;
  /**
   * Organization id for an organization trail. A created trail becomes an organization
   * trail (deploy in the management or delegated administrator account).
   * @default an account trail
   */
  readonly organizationId?: string;
  /** Receives server access logs of a created bucket. */
  readonly accessLogsBucket: IBucket;
}

/**
 * Where CloudTrail log files come from. Either a new multi-region trail with log file
 * validation writing to a KMS-encrypted, TLS-only, versioned, private bucket, or an
 * existing bucket imported by name. Everything downstream uses the names and ARNs
 * exposed here, never the bucket construct, so both cases look the same to it.
 */
export class TrailSource extends Construct {
  readonly bucketName: string;
  /** Built from the name, not a reference, so policies on other resources never form a cycle. */
  readonly bucketArn: string;
  /** The account that owns the bucket (and so sends its S3 notifications). */
  readonly bucketAccount: string;
  /** `<keyPrefix>/AWSLogs/`: every CloudTrail object key starts with this. */
  readonly logsPrefix: string;
  /** ARN pattern of every log object: what the ingest function may read. */
  readonly logObjectsArn: string;
  /** Key that decrypts the log objects, when they are SSE-KMS encrypted. */
  readonly kmsKeyArn?: string;
  readonly organizationId?: string;
  /** False when the bucket is imported: its S3 notifications are the operator's to configure. */
  readonly ownsBucket: boolean;
  /** The created bucket, trail and key (undefined for an imported bucket). */
  readonly bucket?: Bucket;
  readonly trail?: Trail;
  readonly key?: Key;

  constructor(scope: Construct, id: string, props: TrailSourceProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const source = props.source;
    this.organizationId = props.organizationId;
    this.logsPrefix = `${props.keyPrefix ? `${props.keyPrefix}/` : ''}${TRAIL_LOG_LAYOUT.prefix}`;
    this.ownsBucket = source.kind === 'new';
    this.bucketName =
      source.kind === 'existing'
        ? source.bucketName
        : (source.bucketName ?? `trailwatch-cloudtrail-${Aws.ACCOUNT_ID}-${Aws.REGION}`);
    this.bucketArn = stack.formatArn({
      service: 's3',
      region: '',
      account: '',
      resource: this.bucketName,
    });
    this.logObjectsArn = `${this.bucketArn}/${this.logsPrefix}*`;

    if (source.kind === 'existing') {
      this.bucketAccount = source.bucketAccount ?? Aws.ACCOUNT_ID;
      this.kmsKeyArn = source.kmsKeyArn;
      return;
    }

    this.bucketAccount = Aws.ACCOUNT_ID;
    const trailArn = stack.formatArn({
      service: 'cloudtrail',
      resource: 'trail',
      resourceName: NEW_TRAIL.trailName,
    });
    this.key = new Key(this, 'Key', {
      description: 'Encrypts the CloudTrail log files of trailwatch',
      enableKeyRotation: true,
      // Without the key the retained logs are unreadable.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const statement of cloudTrailKeyStatements(trailArn))
      this.key.addToResourcePolicy(statement);
    this.kmsKeyArn = this.key.keyArn;

    this.bucket = new Bucket(this, 'Bucket', {
      bucketName: this.bucketName,
      encryption: BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      ...serverAccessLogsTo(props.accessLogsBucket),
      // Audit evidence outlives the stack.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.trail = new Trail(this, 'Trail', {
      trailName: NEW_TRAIL.trailName,
      bucket: this.bucket,
      encryptionKey: this.key,
      s3KeyPrefix: props.keyPrefix,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableFileValidation: true,
      managementEvents: ReadWriteType.ALL,
      isOrganizationTrail: props.organizationId !== undefined,
      orgId: props.organizationId,
    });
  }

  /**
   * Sends S3 notifications for new log files to `queue`. Set on the bucket's own
   * NotificationConfiguration rather than through `addEventNotification`, which would add
   * a custom-resource Lambda whose role can write any bucket's notifications
   * (`Resource: *`). The queue policy must exist first: S3 checks it when saving the
   * configuration. For an imported bucket this does nothing; docs/deploy.md shows the
   * operator how to point the bucket at the queue.
   */
  notifyOnNewLogs(queue: IQueue, queuePolicy: IDependable): void {
    if (this.bucket === undefined) return;
    const cfnBucket = this.bucket.node.defaultChild as CfnBucket;
    cfnBucket.notificationConfiguration = {
      queueConfigurations: [
        {
          event: 's3:ObjectCreated:*',
          queue: queue.queueArn,
          filter: {
            s3Key: {
              rules: [
                { name: 'prefix', value: this.logsPrefix },
                { name: 'suffix', value: TRAIL_LOG_LAYOUT.suffix },
              ],
            },
          },
        },
      ],
    };
    cfnBucket.node.addDependency(queuePolicy);
  }
}

/**
 * What CloudTrail needs on its KMS key (AWS CloudTrail user guide, "Configure AWS KMS key
 * policies for CloudTrail"), limited to this trail. Readers get kms:Decrypt through their
 * IAM policies, which the key's default account statement honours.
 */
function cloudTrailKeyStatements(trailArn: string): PolicyStatement[] {
  const cloudtrail = new ServicePrincipal('cloudtrail.amazonaws.com');
  const fromThisTrail = { StringEquals: { 'aws:SourceArn': trailArn } };
  return [
    new PolicyStatement({
      sid: 'AllowCloudTrailToEncryptLogs',
      principals: [cloudtrail],
      actions: ['kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: {
        ...fromThisTrail,
        StringLike: {
          'kms:EncryptionContext:aws:cloudtrail:arn': `arn:${Aws.PARTITION}:cloudtrail:*:${Aws.ACCOUNT_ID}:trail/*`,
        },
      },
    }),
    new PolicyStatement({
      sid: 'AllowCloudTrailToDescribeKey',
      principals: [cloudtrail],
      actions: ['kms:DescribeKey'],
      resources: ['*'],
      conditions: fromThisTrail,
    }),
  ];
}
