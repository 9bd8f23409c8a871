import { bucketHost, bucketResource, s3Additional, s3RequestId } from '../background/shared.js';
import { pickIn } from '../context.js';
import type { Actor, JsonObject } from '../record.js';
import { adminConsoleActor, api, ciDeployActor, stolenCiSessionActor } from './common.js';
import type { Scenario, ScenarioCtx } from './types.js';

/** S3 exposure: ACLs, bucket policies, Block Public Access, access logging. */

const S3 = 's3.amazonaws.com';
const XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';

/** A bucket-level S3 management call with the fields S3 always logs. */
function bucketCall(
  ctx: ScenarioCtx,
  actor: Actor,
  name: string,
  subresource: string,
  extra: JsonObject,
  bucket = pickIn(ctx, ctx.account.buckets),
): JsonObject {
  const host = bucketHost(bucket, ctx.region);
  return api(
    ctx,
    actor,
    S3,
    name,
    { bucketName: bucket, Host: host, [subresource]: '', ...extra },
    null,
    {
      additionalEventData: s3Additional(ctx, ctx.rng.int(200, 900), 0),
      requestID: s3RequestId(ctx.rng),
      resources: [bucketResource(ctx, bucket)],
      tlsHost: host,
    },
  );
}

function ownerGrant(ownerId: string): JsonObject {
  return {
    Grantee: { 'xsi:type': 'CanonicalUser', 'xmlns:xsi': XSI, ID: ownerId },
    Permission: 'FULL_CONTROL',
  };
}

function groupGrant(uri: string, permission: string): JsonObject {
  return { Grantee: { 'xsi:type': 'Group', 'xmlns:xsi': XSI, URI: uri }, Permission: permission };
}

function acl(ctx: ScenarioCtx, grant: JsonObject | JsonObject[]): JsonObject {
  return {
    AccessControlPolicy: {
      AccessControlList: { Grant: grant },
      xmlns: XMLNS,
      Owner: { ID: ctx.rng.hex(64) },
    },
  };
}

function policy(statements: JsonObject[]): JsonObject {
  return { bucketPolicy: { Version: '2012-10-17', Statement: statements } };
}

function blockConfig(value: boolean): JsonObject {
  return {
    xmlns: XMLNS,
    RestrictPublicBuckets: value,
    BlockPublicPolicy: value,
    BlockPublicAcls: value,
    IgnorePublicAcls: value,
  };
}

const base = { size: 1, spanMs: 0 } as const;

export const s3Scenarios: readonly Scenario[] = [
  {
    ...base,
    kind: 's3-bucket-acl-public-canned',
    role: 'attack',
    expect: ['s3-bucket-acl-public'],
    mustNotFire: [],
    scope: 'any',
    criteria: 'PutBucketAcl with the canned ACL public-read (x-amz-acl header).',
    build: (ctx) => [
      bucketCall(ctx, stolenCiSessionActor(ctx), 'PutBucketAcl', 'acl', {
        'x-amz-acl': ['public-read'],
      }),
    ],
  },
  {
    ...base,
    kind: 's3-bucket-acl-public-grant',
    role: 'attack',
    expect: ['s3-bucket-acl-public'],
    mustNotFire: [],
    scope: 'any',
    criteria:
      'PutBucketAcl with an explicit READ grant to the AllUsers group, logged as a single Grant object.',
    build: (ctx) => [
      bucketCall(
        ctx,
        stolenCiSessionActor(ctx),
        'PutBucketAcl',
        'acl',
        acl(ctx, groupGrant(ALL_USERS, 'READ')),
      ),
    ],
  },
  {
    ...base,
    kind: 's3-object-acl-public',
    role: 'attack',
    expect: ['s3-object-acl-public'],
    mustNotFire: [],
    scope: 'any',
    criteria: 'PutObjectAcl with the canned ACL public-read (data event).',
    build: (ctx) => {
      const bucket = pickIn(ctx, ctx.account.buckets);
      const key = `exports/customers-${ctx.rng.digits(6)}.csv`;
      const host = bucketHost(bucket, ctx.region);
      return [
        api(
          ctx,
          stolenCiSessionActor(ctx),
          S3,
          'PutObjectAcl',
          { bucketName: bucket, Host: host, acl: '', key, 'x-amz-acl': ['public-read'] },
          null,
          {
            additionalEventData: s3Additional(ctx, 0, 0),
            requestID: s3RequestId(ctx.rng),
            data: true,
            resources: [
              { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${bucket}/${key}` },
              bucketResource(ctx, bucket),
            ],
            tlsHost: host,
          },
        ),
      ];
    },
  },
  {
    ...base,
    kind: 's3-bucket-policy-public',
    role: 'attack',
    expect: ['s3-bucket-policy-public'],
    mustNotFire: [],
    scope: 'any',
    criteria: 'PutBucketPolicy with an Allow for Principal "*" on s3:GetObject and no condition.',
    build: (ctx) => {
      const bucket = pickIn(ctx, ctx.account.buckets);
      const statement = {
        Sid: 'PublicReadGetObject',
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:GetObject',
        Resource: `arn:aws:s3:::${bucket}/*`,
      };
      return [
        bucketCall(
          ctx,
          stolenCiSessionActor(ctx),
          'PutBucketPolicy',
          'policy',
          policy([statement]),
          bucket,
        ),
      ];
    },
  },
  {
    ...base,
    kind: 's3-delete-bucket-public-access-block',
    role: 'attack',
    expect: ['s3-block-public-access-removed'],
    mustNotFire: [],
    scope: 'any',
    criteria: 'DeleteBucketPublicAccessBlock (the DeletePublicAccessBlock API) on a bucket.',
    build: (ctx) => [
      bucketCall(
        ctx,
        stolenCiSessionActor(ctx),
        'DeleteBucketPublicAccessBlock',
        'publicAccessBlock',
        {},
      ),
    ],
  },
  {
    ...base,
    kind: 's3-account-public-access-block-off',
    role: 'attack',
    expect: ['s3-block-public-access-removed'],
    mustNotFire: [],
    scope: 'global',
    criteria: 'PutAccountPublicAccessBlock with all four settings false (account-wide).',
    build: (ctx) => {
      const host = `${ctx.account.id}.s3-control.${ctx.region}.amazonaws.com`;
      return [
        api(
          ctx,
          stolenCiSessionActor(ctx),
          S3,
          'PutAccountPublicAccessBlock',
          { PublicAccessBlockConfiguration: blockConfig(false), Host: host },
          null,
          {
            additionalEventData: s3Additional(ctx, 300, 0),
            requestID: s3RequestId(ctx.rng),
            tlsHost: host,
          },
        ),
      ];
    },
  },
  {
    ...base,
    kind: 's3-access-logging-disabled',
    role: 'attack',
    expect: ['s3-access-logging-disabled'],
    mustNotFire: [],
    scope: 'any',
    criteria:
      'PutBucketLogging with an empty BucketLoggingStatus: server access logging turned off.',
    build: (ctx) => [
      bucketCall(ctx, stolenCiSessionActor(ctx), 'PutBucketLogging', 'logging', {
        BucketLoggingStatus: { xmlns: XMLNS },
      }),
    ],
  },
  {
    ...base,
    kind: 's3-acl-log-delivery',
    role: 'decoy',
    expect: [],
    mustNotFire: ['s3-bucket-acl-public'],
    scope: 'any',
    criteria:
      'PutBucketAcl granting the S3 LogDelivery group WRITE and READ_ACP (server access log target).',
    build: (ctx) => {
      const ownerId = ctx.rng.hex(64);
      const grants = [
        ownerGrant(ownerId),
        groupGrant(LOG_DELIVERY, 'WRITE'),
        groupGrant(LOG_DELIVERY, 'READ_ACP'),
      ];
      return [bucketCall(ctx, ciDeployActor(ctx), 'PutBucketAcl', 'acl', acl(ctx, grants))];
    },
  },
  {
    ...base,
    kind: 's3-acl-private',
    role: 'decoy',
    expect: [],
    mustNotFire: ['s3-bucket-acl-public'],
    scope: 'any',
    criteria: 'PutBucketAcl with the canned ACL private.',
    build: (ctx) => [
      bucketCall(ctx, ciDeployActor(ctx), 'PutBucketAcl', 'acl', { 'x-amz-acl': ['private'] }),
    ],
  },
  {
    ...base,
    kind: 's3-policy-org-only',
    role: 'decoy',
    expect: [],
    mustNotFire: ['s3-bucket-policy-public'],
    scope: 'any',
    criteria: 'PutBucketPolicy allowing Principal "*" only with an aws:PrincipalOrgID condition.',
    build: (ctx) => {
      const bucket = pickIn(ctx, ctx.account.buckets);
      const statement = {
        Sid: 'AllowOrgRead',
        Effect: 'Allow',
        Principal: '*',
        Action: ['s3:GetObject', 's3:ListBucket'],
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
        Condition: { StringEquals: { 'aws:PrincipalOrgID': ctx.world.orgId } },
      };
      return [
        bucketCall(
          ctx,
          ciDeployActor(ctx),
          'PutBucketPolicy',
          'policy',
          policy([statement]),
          bucket,
        ),
      ];
    },
  },
  {
    ...base,
    kind: 's3-policy-deny-insecure-transport',
    role: 'decoy',
    expect: [],
    mustNotFire: ['s3-bucket-policy-public'],
    scope: 'any',
    criteria: 'PutBucketPolicy with a Deny for Principal "*" when aws:SecureTransport is false.',
    build: (ctx) => {
      const bucket = pickIn(ctx, ctx.account.buckets);
      const statement = {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      };
      return [
        bucketCall(
          ctx,
          ciDeployActor(ctx),
          'PutBucketPolicy',
          'policy',
          policy([statement]),
          bucket,
        ),
      ];
    },
  },
  {
    ...base,
    kind: 's3-policy-cloudfront-oac',
    role: 'decoy',
    expect: [],
    mustNotFire: ['s3-bucket-policy-public'],
    scope: 'any',
    criteria:
      'PutBucketPolicy allowing the CloudFront service principal, pinned by aws:SourceArn (origin access control).',
    build: (ctx) => {
      const bucket = pickIn(ctx, ctx.account.buckets);
      const statement = {
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
      };
      return [
        bucketCall(
          ctx,
          ciDeployActor(ctx),
          'PutBucketPolicy',
          'policy',
          policy([statement]),
          bucket,
        ),
      ];
    },
  },
  {
    ...base,
    kind: 's3-public-access-block-on',
    role: 'decoy',
    expect: [],
    mustNotFire: ['s3-block-public-access-removed'],
    scope: 'any',
    criteria: 'PutBucketPublicAccessBlock with all four settings true.',
    build: (ctx) => [
      bucketCall(ctx, ciDeployActor(ctx), 'PutBucketPublicAccessBlock', 'publicAccessBlock', {
        PublicAccessBlockConfiguration: blockConfig(true),
      }),
    ],
  },
  {
    ...base,
    kind: 's3-access-logging-enabled',
    role: 'decoy',
    expect: [],
    mustNotFire: ['s3-access-logging-disabled'],
    scope: 'any',
    criteria: 'PutBucketLogging turning server access logging on.',
    build: (ctx) => {
      const target = `${ctx.account.alias}-s3-access-logs-${ctx.account.id}`;
      return [
        bucketCall(ctx, adminConsoleActor(ctx), 'PutBucketLogging', 'logging', {
          BucketLoggingStatus: {
            xmlns: XMLNS,
            LoggingEnabled: { TargetBucket: target, TargetPrefix: 'logs/' },
          },
        }),
      ];
    },
  },
];
