import {
  iamUserActor,
  instanceActor,
  lambdaActor,
  serviceLinkedActor,
  ssoActor,
  taskActor,
  workloadActor,
} from '../actors.js';
import type { Ctx } from '../context.js';
import { pickIn } from '../context.js';
import type { Actor } from '../record.js';
import {
  bracketed,
  bucketHost,
  bucketResource,
  kmsKeyArn,
  objectKey,
  s3Additional,
  s3RequestId,
} from './shared.js';
import type { CallBody, Template } from './template.js';

/** S3: object reads and writes are data events; bucket reads come mostly from config scanners. */

function dataActor(ctx: Ctx): Actor {
  const r = ctx.rng.next();
  if (r < 0.42) return lambdaActor(ctx);
  if (r < 0.68) return instanceActor(ctx);
  if (r < 0.82) return taskActor(ctx);
  // Backup and reporting jobs that still run on IAM users' access keys.
  if (r < 0.92) return iamUserActor(ctx);
  return workloadActor(ctx);
}

function objectCall(ctx: Ctx, write: boolean, head = false): CallBody {
  const bucket = pickIn(ctx, ctx.account.buckets);
  const key = objectKey(ctx, bucket);
  const host = bucketHost(bucket, ctx.region);
  const size = ctx.rng.int(200, 5_000_000);
  const kms = bucket.includes('data-lake') || bucket.includes('backups');
  const requestParameters: Record<string, unknown> = { bucketName: bucket, Host: host, key };
  if (write && kms) {
    requestParameters['x-amz-server-side-encryption'] = 'aws:kms';
    requestParameters['x-amz-server-side-encryption-aws-kms-key-id'] = kmsKeyArn(ctx);
  }
  return {
    actor: bracketed(dataActor(ctx)),
    requestParameters,
    responseElements: write
      ? {
          'x-amz-server-side-encryption': kms ? 'aws:kms' : 'AES256',
          ...(kms ? { 'x-amz-server-side-encryption-bucket-key-enabled': 'true' } : {}),
          'x-amz-version-id': ctx.rng.alnum(32),
        }
      : null,
    additionalEventData: s3Additional(ctx, write ? size : 0, write || head ? 0 : size),
    requestID: s3RequestId(ctx.rng),
    readOnly: !write,
    data: true,
    resources: [
      { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${bucket}/${key}` },
      bucketResource(ctx, bucket),
    ],
    tlsHost: host,
  };
}

/** A read of bucket configuration, as Config, scanners and consoles make them. */
function bucketRead(subresource: string) {
  return (ctx: Ctx): CallBody => {
    const bucket = pickIn(ctx, ctx.account.buckets);
    const host = bucketHost(bucket, ctx.region);
    const r = ctx.rng.next();
    const actor = r < 0.6 ? serviceLinkedActor(ctx) : r < 0.85 ? ssoActor(ctx) : workloadActor(ctx);
    return {
      actor,
      requestParameters: { bucketName: bucket, Host: host, [subresource]: '' },
      responseElements: null,
      additionalEventData: s3Additional(ctx, 0, ctx.rng.int(100, 1200)),
      requestID: s3RequestId(ctx.rng),
      readOnly: true,
      resources: [bucketResource(ctx, bucket)],
      tlsHost: host,
    };
  };
}

export const s3Templates: readonly Template[] = [
  {
    source: 's3.amazonaws.com',
    name: 'GetObject',
    weight: 9.9,
    errors: ['AccessDenied', 'NoSuchKey'],
    build: (ctx) => objectCall(ctx, false),
  },
  {
    source: 's3.amazonaws.com',
    name: 'PutObject',
    weight: 3.7,
    errors: ['AccessDenied', 'SlowDown'],
    build: (ctx) => objectCall(ctx, true),
  },
  {
    source: 's3.amazonaws.com',
    name: 'HeadObject',
    weight: 1.8,
    errors: ['NoSuchKey'],
    build: (ctx) => objectCall(ctx, false, true),
  },
  {
    source: 's3.amazonaws.com',
    name: 'ListObjects',
    weight: 0.9,
    build(ctx) {
      const bucket = pickIn(ctx, ctx.account.buckets);
      const host = bucketHost(bucket, ctx.region);
      return {
        actor: bracketed(dataActor(ctx)),
        requestParameters: {
          'list-type': '2',
          bucketName: bucket,
          'encoding-type': 'url',
          prefix: ctx.rng.pick(['raw/', 'uploads/', 'exports/', '']),
          Host: host,
        },
        responseElements: null,
        additionalEventData: s3Additional(ctx, 0, ctx.rng.int(300, 60_000)),
        requestID: s3RequestId(ctx.rng),
        readOnly: true,
        data: true,
        resources: [bucketResource(ctx, bucket)],
        tlsHost: host,
      };
    },
  },
  {
    source: 's3.amazonaws.com',
    name: 'DeleteObject',
    weight: 0.25,
    build(ctx) {
      // Same shape as a HEAD (no bytes either way), but a write.
      return { ...objectCall(ctx, false, true), readOnly: false };
    },
  },
  {
    source: 's3.amazonaws.com',
    name: 'GetBucketAcl',
    weight: 0.6,
    errors: ['AccessDenied'],
    build: bucketRead('acl'),
  },
  {
    source: 's3.amazonaws.com',
    name: 'GetBucketPolicy',
    weight: 0.5,
    // Most buckets have no policy: this error is the normal answer, not a failure worth alerting on.
    errors: ['NoSuchBucketPolicy'],
    errorRate: 0.35,
    build: bucketRead('policy'),
  },
  {
    source: 's3.amazonaws.com',
    name: 'GetBucketLocation',
    weight: 0.6,
    build: bucketRead('location'),
  },
  {
    source: 's3.amazonaws.com',
    name: 'GetBucketVersioning',
    weight: 0.3,
    build: bucketRead('versioning'),
  },
  {
    source: 's3.amazonaws.com',
    name: 'GetBucketEncryption',
    weight: 0.3,
    build: bucketRead('encryption'),
  },
  {
    source: 's3.amazonaws.com',
    name: 'GetBucketPublicAccessBlock',
    weight: 0.3,
    build: bucketRead('publicAccessBlock'),
  },
  {
    source: 's3.amazonaws.com',
    name: 'GetBucketLogging',
    weight: 0.2,
    build: bucketRead('logging'),
  },
  {
    source: 's3.amazonaws.com',
    name: 'GetBucketTagging',
    weight: 0.2,
    errors: ['NoSuchTagSet'],
    errorRate: 0.2,
    build: bucketRead('tagging'),
  },
  {
    source: 's3.amazonaws.com',
    name: 'ListBuckets',
    weight: 0.25,
    global: true,
    build(ctx) {
      return {
        actor: ctx.rng.chance(0.5) ? ssoActor(ctx) : serviceLinkedActor(ctx),
        requestParameters: { Host: 's3.amazonaws.com' },
        responseElements: null,
        additionalEventData: s3Additional(ctx, 0, ctx.rng.int(500, 9000)),
        requestID: s3RequestId(ctx.rng),
        readOnly: true,
        tlsHost: 's3.amazonaws.com',
      };
    },
  },
];
