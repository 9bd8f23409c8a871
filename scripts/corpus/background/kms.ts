import { lambdaActor, serviceActor, workloadActor } from '../actors.js';
import type { Ctx } from '../context.js';
import { pickIn } from '../context.js';
import type { JsonObject } from '../record.js';
import { kmsKeyArn, kmsResource, objectKey } from './shared.js';
import type { Template } from './template.js';

/** KMS: the busiest API in most accounts, because S3, Lambda, Secrets Manager and DynamoDB call it for every read. */

const SERVICES = [
  's3.amazonaws.com',
  'lambda.amazonaws.com',
  'secretsmanager.amazonaws.com',
  'dynamodb.amazonaws.com',
  'logs.amazonaws.com',
];

function encryptionContext(ctx: Ctx, service: string): JsonObject {
  const { account, region, rng } = ctx;
  switch (service) {
    case 's3.amazonaws.com': {
      const bucket = pickIn(ctx, account.buckets);
      return { 'aws:s3:arn': `arn:aws:s3:::${bucket}/${objectKey(ctx, bucket)}` };
    }
    case 'lambda.amazonaws.com':
      return { 'aws:lambda:FunctionArn': pickIn(ctx, account.functionsIn).arn };
    case 'secretsmanager.amazonaws.com':
      return {
        SecretARN: `arn:aws:secretsmanager:${region}:${account.id}:secret:${rng.pick(['prod/orders-db', 'prod/stripe-api', 'shared/datadog'])}-${rng.alnum(6)}`,
        SecretVersionId: rng.uuid(),
      };
    case 'dynamodb.amazonaws.com':
      return {
        'aws:dynamodb:tableName': pickIn(ctx, account.tables),
        'aws:dynamodb:subscriberId': account.id,
      };
    default:
      return {
        'aws:logs:arn': `arn:aws:logs:${region}:${account.id}:log-group:${rng.pick(account.logGroups)}`,
      };
  }
}

export const kmsTemplates: readonly Template[] = [
  {
    source: 'kms.amazonaws.com',
    name: 'Decrypt',
    weight: 11.7,
    errors: ['AccessDenied', 'ThrottlingException'],
    build(ctx) {
      const service = ctx.rng.pick(SERVICES);
      const byService = ctx.rng.chance(0.3);
      return {
        actor: byService ? serviceActor(service) : workloadActor(ctx),
        requestParameters: {
          encryptionContext: encryptionContext(ctx, service),
          encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
        },
        responseElements: null,
        readOnly: true,
        resources: [kmsResource(ctx)],
      };
    },
  },
  {
    source: 'kms.amazonaws.com',
    name: 'GenerateDataKey',
    weight: 5.5,
    errors: ['AccessDenied', 'ThrottlingException'],
    build(ctx) {
      const trail = ctx.rng.chance(0.25);
      const service = trail ? 'cloudtrail.amazonaws.com' : ctx.rng.pick(SERVICES);
      const keyArn = kmsKeyArn(ctx);
      return {
        actor: trail || ctx.rng.chance(0.4) ? serviceActor(service) : lambdaActor(ctx),
        requestParameters: {
          keyId: ctx.rng.chance(0.5) ? keyArn : 'alias/aws/s3',
          encryptionContext: trail
            ? {
                'aws:cloudtrail:arn': ctx.world.trailArn,
                'aws:s3:arn': `arn:aws:s3:::${ctx.world.trailBucket}/AWSLogs/${ctx.account.id}/CloudTrail/${ctx.region}`,
              }
            : encryptionContext(ctx, service),
          keySpec: 'AES_256',
        },
        responseElements: null,
        readOnly: true,
        resources: [kmsResource(ctx, keyArn)],
      };
    },
  },
  {
    source: 'kms.amazonaws.com',
    name: 'Encrypt',
    weight: 0.5,
    errors: ['AccessDenied'],
    build(ctx) {
      return {
        actor: lambdaActor(ctx),
        requestParameters: {
          keyId: `alias/${ctx.account.alias}-app`,
          encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
        },
        responseElements: null,
        readOnly: true,
        resources: [kmsResource(ctx)],
      };
    },
  },
  {
    source: 'kms.amazonaws.com',
    name: 'DescribeKey',
    weight: 0.7,
    errors: ['AccessDenied', 'NotFoundException'],
    build(ctx) {
      const keyArn = kmsKeyArn(ctx);
      return {
        actor: workloadActor(ctx),
        requestParameters: { keyId: keyArn },
        responseElements: null,
        readOnly: true,
        resources: [kmsResource(ctx, keyArn)],
      };
    },
  },
  {
    source: 'kms.amazonaws.com',
    name: 'ListAliases',
    weight: 0.2,
    build(ctx) {
      return {
        actor: workloadActor(ctx),
        requestParameters: { limit: 100 },
        responseElements: null,
        readOnly: true,
      };
    },
  },
  {
    source: 'kms.amazonaws.com',
    name: 'CreateGrant',
    weight: 0.15,
    build(ctx) {
      const keyArn = kmsKeyArn(ctx);
      const grantee = pickIn(ctx, ctx.account.functionsIn).role.arn;
      return {
        actor: serviceActor('ebs.amazonaws.com'),
        requestParameters: {
          keyId: keyArn,
          granteePrincipal: grantee,
          retiringPrincipal: 'ec2.amazonaws.com',
          operations: [
            'Decrypt',
            'GenerateDataKeyWithoutPlaintext',
            'ReEncryptFrom',
            'ReEncryptTo',
          ],
          constraints: {
            encryptionContextSubset: { 'aws:ebs:id': `vol-0${ctx.rng.hex(16)}` },
          },
        },
        responseElements: { grantId: ctx.rng.hex(64), keyId: keyArn },
        readOnly: false,
        resources: [kmsResource(ctx, keyArn)],
      };
    },
  },
];
