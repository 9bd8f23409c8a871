import type { Ctx } from '../../context.js';
import { pickIn } from '../../context.js';
import type { JsonObject } from '../../record.js';
import { awsDisplayDate } from '../../time.js';
import { bucketHost, bucketResource, kmsKeyArn, s3Additional, s3RequestId } from '../shared.js';
import type { Template } from '../template.js';
import { type ChangeBody, change, otherOrgAccount, policyJson, terraform } from './common.js';

/**
 * Storage and messaging settings Terraform manages: bucket policies (TLS only,
 * CloudFront origin access control, load balancer log delivery, organisation
 * reads), versioning, lifecycle, encryption, Block Public Access on, keys with
 * their policies, topic and queue policies for service notifications, an
 * organisation-wide image repository policy, and secrets retired with a
 * recovery window.
 */

const S3 = 's3.amazonaws.com';
const XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** The account Elastic Load Balancing writes access logs from, per region (AWS documentation). */
const ELB_LOG_ACCOUNTS: Readonly<Record<string, string>> = {
  'us-east-1': '127311923021',
  'us-west-2': '797873946194',
  'eu-west-1': '156460612806',
  'ap-southeast-2': '783225319266',
};

/** A bucket-level S3 call with the fields S3 always logs. */
function bucketChange(
  ctx: Ctx,
  subresource: string,
  body: (bucket: string) => JsonObject,
): ChangeBody {
  const bucket = pickIn(ctx, ctx.account.buckets);
  const host = bucketHost(bucket, ctx.region);
  return {
    actor: terraform(ctx),
    request: { bucketName: bucket, Host: host, [subresource]: '', ...body(bucket) },
    additionalEventData: s3Additional(ctx, ctx.rng.int(200, 900), 0),
    requestID: s3RequestId(ctx.rng),
    resources: [bucketResource(ctx, bucket)],
    tlsHost: host,
  };
}

function bucketStatements(ctx: Ctx, bucket: string): JsonObject[] {
  const tlsOnly = {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
  const r = ctx.rng.next();
  if (r < 0.35) return [tlsOnly];
  if (r < 0.6) {
    return [
      tlsOnly,
      {
        Sid: 'AllowCloudFrontServicePrincipal',
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: `arn:aws:s3:::${bucket}/*`,
        Condition: {
          StringEquals: {
            'AWS:SourceArn': `arn:aws:cloudfront::${ctx.account.id}:distribution/E${ctx.rng.upper(13)}`,
          },
        },
      },
    ];
  }
  if (r < 0.8) {
    const elb = ELB_LOG_ACCOUNTS[ctx.region];
    const principal =
      elb && ctx.rng.chance(0.5)
        ? { AWS: `arn:aws:iam::${elb}:root` }
        : { Service: 'logdelivery.elasticloadbalancing.amazonaws.com' };
    return [
      {
        Sid: 'AllowLoadBalancerAccessLogs',
        Effect: 'Allow',
        Principal: principal,
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::${bucket}/alb/AWSLogs/${ctx.account.id}/*`,
      },
    ];
  }
  return [
    tlsOnly,
    {
      Sid: 'OrganizationRead',
      Effect: 'Allow',
      Principal: '*',
      Action: ['s3:GetObject', 's3:ListBucket'],
      Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
      Condition: { StringEquals: { 'aws:PrincipalOrgID': ctx.world.orgId } },
    },
  ];
}

/** The key policy every key starts from: the account administers it through IAM. */
function accountRootStatement(ctx: Ctx): JsonObject {
  return {
    Sid: 'Enable IAM User Permissions',
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${ctx.account.id}:root` },
    Action: 'kms:*',
    Resource: '*',
  };
}

/** SNS's default topic policy: any principal, but only on behalf of the owning account. */
function defaultTopicPolicy(ctx: Ctx, topicArn: string): JsonObject {
  return {
    Sid: '__default_statement_ID',
    Effect: 'Allow',
    Principal: { AWS: '*' },
    Action: [
      'SNS:GetTopicAttributes',
      'SNS:SetTopicAttributes',
      'SNS:AddPermission',
      'SNS:RemovePermission',
      'SNS:DeleteTopic',
      'SNS:Subscribe',
      'SNS:ListSubscriptionsByTopic',
      'SNS:Publish',
    ],
    Resource: topicArn,
    Condition: { StringEquals: { 'AWS:SourceOwner': ctx.account.id } },
  };
}

export const storageChangeTemplates: readonly Template[] = [
  change(S3, 'PutBucketPolicy', 0.0015, (ctx) =>
    bucketChange(ctx, 'policy', (bucket) => ({
      bucketPolicy: { Version: '2012-10-17', Statement: bucketStatements(ctx, bucket) },
    })),
  ),
  change(S3, 'PutBucketVersioning', 0.0006, (ctx) =>
    bucketChange(ctx, 'versioning', () => ({
      VersioningConfiguration: { Status: 'Enabled', xmlns: XMLNS },
    })),
  ),
  change(S3, 'PutBucketLifecycle', 0.0006, (ctx) =>
    bucketChange(ctx, 'lifecycle', () => ({
      LifecycleConfiguration: {
        xmlns: XMLNS,
        Rule: [
          {
            ID: 'expire-temporary-uploads',
            Filter: { Prefix: 'tmp/' },
            Status: 'Enabled',
            Expiration: { Days: 1 },
          },
          {
            ID: 'archive',
            Filter: { Prefix: '' },
            Status: 'Enabled',
            Transition: { Days: 90, StorageClass: 'GLACIER_IR' },
            NoncurrentVersionExpiration: { NoncurrentDays: 30 },
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
          },
        ],
      },
    })),
  ),
  change(S3, 'PutBucketEncryption', 0.0004, (ctx) =>
    bucketChange(ctx, 'encryption', () => ({
      ServerSideEncryptionConfiguration: {
        xmlns: XMLNS,
        Rule: {
          ApplyServerSideEncryptionByDefault: {
            SSEAlgorithm: 'aws:kms',
            KMSMasterKeyID: kmsKeyArn(ctx),
          },
          BucketKeyEnabled: true,
        },
      },
    })),
  ),
  change(S3, 'PutBucketPublicAccessBlock', 0.0004, (ctx) =>
    bucketChange(ctx, 'publicAccessBlock', () => ({
      PublicAccessBlockConfiguration: {
        xmlns: XMLNS,
        RestrictPublicBuckets: true,
        BlockPublicPolicy: true,
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
      },
    })),
  ),
  change(S3, 'PutBucketLogging', 0.0003, (ctx) =>
    bucketChange(ctx, 'logging', (bucket) => ({
      BucketLoggingStatus: {
        xmlns: XMLNS,
        LoggingEnabled: {
          TargetBucket: `${ctx.account.alias}-s3-access-logs-${ctx.account.id}`,
          TargetPrefix: `${bucket}/`,
        },
      },
    })),
  ),
  change(S3, 'PutBucketReplication', 0.00003, (ctx) =>
    bucketChange(ctx, 'replication', (bucket) => {
      // Backups replicate to the organisation's other account (disaster recovery).
      const account = otherOrgAccount(ctx);
      return {
        ReplicationConfiguration: {
          xmlns: XMLNS,
          Role: `arn:aws:iam::${ctx.account.id}:role/service-role/s3-replication-${bucket.slice(0, 20)}`,
          Rule: {
            ID: 'disaster-recovery',
            Priority: 1,
            Filter: { Prefix: '' },
            Status: 'Enabled',
            DeleteMarkerReplication: { Status: 'Disabled' },
            Destination: {
              Bucket: `arn:aws:s3:::dr-${bucket.slice(0, 40)}-${account}`,
              Account: account,
              AccessControlTranslation: { Owner: 'Destination' },
            },
          },
        },
      };
    }),
  ),
  change('kms.amazonaws.com', 'CreateKey', 0.0001, (ctx) => {
    const keyId = ctx.rng.uuid();
    const description = `${ctx.account.alias} ${ctx.rng.pick(['orders', 'backups', 'logs'])} data key`;
    return {
      actor: terraform(ctx),
      request: {
        description,
        keyUsage: 'ENCRYPT_DECRYPT',
        keySpec: 'SYMMETRIC_DEFAULT',
        origin: 'AWS_KMS',
        bypassPolicyLockoutSafetyCheck: false,
        policy: policyJson([accountRootStatement(ctx)]),
        tags: [{ tagKey: 'ManagedBy', tagValue: 'terraform' }],
        multiRegion: false,
      },
      response: {
        keyMetadata: {
          aWSAccountId: ctx.account.id,
          keyId,
          arn: `arn:aws:kms:${ctx.region}:${ctx.account.id}:key/${keyId}`,
          creationDate: awsDisplayDate(ctx.time),
          enabled: true,
          description,
          keyUsage: 'ENCRYPT_DECRYPT',
          keyState: 'Enabled',
          origin: 'AWS_KMS',
          keyManager: 'CUSTOMER',
          customerMasterKeySpec: 'SYMMETRIC_DEFAULT',
          keySpec: 'SYMMETRIC_DEFAULT',
          encryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
          multiRegion: false,
        },
      },
    };
  }),
  change('kms.amazonaws.com', 'PutKeyPolicy', 0.0002, (ctx) => {
    const keyArn = kmsKeyArn(ctx);
    return {
      actor: terraform(ctx),
      request: {
        keyId: keyArn,
        policyName: 'default',
        policy: policyJson([
          accountRootStatement(ctx),
          {
            Sid: 'AllowCloudWatchLogs',
            Effect: 'Allow',
            Principal: { Service: `logs.${ctx.region}.amazonaws.com` },
            Action: [
              'kms:Encrypt*',
              'kms:Decrypt*',
              'kms:ReEncrypt*',
              'kms:GenerateDataKey*',
              'kms:Describe*',
            ],
            Resource: '*',
            Condition: {
              ArnLike: {
                'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${ctx.region}:${ctx.account.id}:log-group:*`,
              },
            },
          },
        ]),
        bypassPolicyLockoutSafetyCheck: false,
      },
      resources: [{ accountId: ctx.account.id, type: 'AWS::KMS::Key', ARN: keyArn }],
    };
  }),
  change('sns.amazonaws.com', 'SetTopicAttributes', 0.0005, (ctx) => {
    const topicArn = `arn:aws:sns:${ctx.region}:${ctx.account.id}:${ctx.account.alias}-${ctx.rng.pick(['alarms', 'deployments', 'orders-events'])}`;
    return {
      actor: terraform(ctx),
      request: {
        topicArn,
        attributeName: 'Policy',
        attributeValue: JSON.stringify({
          Version: '2008-10-17',
          Id: '__default_policy_ID',
          Statement: [
            defaultTopicPolicy(ctx, topicArn),
            {
              Sid: 'AllowEventBridgePublish',
              Effect: 'Allow',
              Principal: { Service: 'events.amazonaws.com' },
              Action: 'sns:Publish',
              Resource: topicArn,
            },
          ],
        }),
      },
    };
  }),
  change('sqs.amazonaws.com', 'SetQueueAttributes', 0.0005, (ctx) => {
    const queue = `${ctx.account.alias}-${ctx.rng.pick(['uploads', 'orders', 'thumbnails'])}`;
    const queueArn = `arn:aws:sqs:${ctx.region}:${ctx.account.id}:${queue}`;
    const bucket = pickIn(ctx, ctx.account.buckets);
    // S3 event notifications: older modules grant Principal "*" pinned by the source ARN.
    const principal = ctx.rng.chance(0.5) ? '*' : { Service: 's3.amazonaws.com' };
    return {
      actor: terraform(ctx),
      request: {
        queueUrl: `https://sqs.${ctx.region}.amazonaws.com/${ctx.account.id}/${queue}`,
        attributes: {
          Policy: policyJson([
            {
              Sid: 'AllowS3Notifications',
              Effect: 'Allow',
              Principal: principal,
              Action: 'sqs:SendMessage',
              Resource: queueArn,
              Condition: {
                ArnEquals: { 'aws:SourceArn': `arn:aws:s3:::${bucket}` },
                StringEquals: { 'aws:SourceAccount': ctx.account.id },
              },
            },
          ]),
        },
      },
    };
  }),
  change('ecr.amazonaws.com', 'SetRepositoryPolicy', 0.0002, (ctx) => ({
    actor: terraform(ctx),
    request: {
      repositoryName: `${ctx.account.alias}/orders-service`,
      policyText: policyJson([
        {
          Sid: 'OrganizationPull',
          Effect: 'Allow',
          Principal: '*',
          Action: [
            'ecr:BatchGetImage',
            'ecr:GetDownloadUrlForLayer',
            'ecr:BatchCheckLayerAvailability',
          ],
          Condition: { StringEquals: { 'aws:PrincipalOrgID': ctx.world.orgId } },
        },
      ]),
      force: false,
    },
  })),
  change('secretsmanager.amazonaws.com', 'DeleteSecret', 0.0001, (ctx) => {
    const name = `${ctx.account.alias}/retired-${ctx.rng.lower(6)}`;
    const arn = `arn:aws:secretsmanager:${ctx.region}:${ctx.account.id}:secret:${name}-${ctx.rng.alnum(6)}`;
    return {
      actor: terraform(ctx),
      request: { secretId: arn, recoveryWindowInDays: 30 },
      response: { arn, name, deletionDate: awsDisplayDate(ctx.time + 30 * 86_400_000) },
    };
  }),
];
