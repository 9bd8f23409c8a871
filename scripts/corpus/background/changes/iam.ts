import type { Ctx } from '../../context.js';
import { pickIn } from '../../context.js';
import type { JsonObject } from '../../record.js';
import { awsDisplayDate } from '../../time.js';
import type { Role } from '../../world.js';
import { kmsKeyArn } from '../shared.js';
import type { Template } from '../template.js';
import { type ChangeBody, change, consolePerson, policyJson, terraform } from './common.js';

/**
 * IAM changes Terraform makes on every deployment (least-privilege inline
 * policies, managed policy attachments, new function roles, CI trust updates)
 * and the occasional access key rotation for a machine user. IAM is global.
 */

const IAM = 'iam.amazonaws.com';

function workloadRole(ctx: Ctx): Role {
  const a = ctx.account;
  return ctx.rng.pick([a.instanceRole, a.taskRole, ...a.functions.map((f) => f.role)]);
}

/** What an application role may do: its own bucket, table and key, nothing more. */
function appPolicy(ctx: Ctx): string {
  const bucket = pickIn(ctx, ctx.account.buckets);
  const table = pickIn(ctx, ctx.account.tables);
  return policyJson([
    {
      Sid: 'ObjectAccess',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject'],
      Resource: `arn:aws:s3:::${bucket}/*`,
    },
    {
      Sid: 'TableAccess',
      Effect: 'Allow',
      Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      Resource: `arn:aws:dynamodb:${ctx.region}:${ctx.account.id}:table/${table}`,
    },
    { Sid: 'Decrypt', Effect: 'Allow', Action: 'kms:Decrypt', Resource: kmsKeyArn(ctx) },
  ]);
}

const MANAGED = [
  'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
  'arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy',
  'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
  'arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole',
  'arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess',
];

function attachment(ctx: Ctx): ChangeBody {
  const policyArn = ctx.rng.chance(0.7)
    ? ctx.rng.pick(MANAGED)
    : `arn:aws:iam::${ctx.account.id}:policy/${ctx.account.alias}-app-data-access`;
  return { actor: terraform(ctx), request: { roleName: workloadRole(ctx).name, policyArn } };
}

/** IAM echoes a role's trust policy URL-encoded in responses. */
function roleResponse(ctx: Ctx, name: string, path: string, trust: string): JsonObject {
  return {
    role: {
      path,
      roleName: name,
      roleId: `AROA${ctx.rng.upper(17)}`,
      arn: `arn:aws:iam::${ctx.account.id}:role${path}${name}`,
      createDate: awsDisplayDate(ctx.time),
      assumeRolePolicyDocument: encodeURIComponent(trust),
    },
  };
}

/** Trust for GitHub Actions of the organisation's repositories, on the main branch only. */
function githubTrust(ctx: Ctx): string {
  return policyJson([
    {
      Effect: 'Allow',
      Principal: {
        Federated: `arn:aws:iam::${ctx.account.id}:oidc-provider/token.actions.githubusercontent.com`,
      },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
        StringLike: {
          'token.actions.githubusercontent.com:sub': 'repo:example-org/*:ref:refs/heads/main',
        },
      },
    },
  ]);
}

export const iamChangeTemplates: readonly Template[] = [
  change(
    IAM,
    'PutRolePolicy',
    0.002,
    (ctx) => ({
      actor: terraform(ctx),
      request: {
        roleName: workloadRole(ctx).name,
        policyName: 'app-data-access',
        policyDocument: appPolicy(ctx),
      },
    }),
    { global: true },
  ),
  change(IAM, 'AttachRolePolicy', 0.0015, attachment, { global: true }),
  change(IAM, 'DetachRolePolicy', 0.0005, attachment, { global: true }),
  change(
    IAM,
    'CreateRole',
    0.0008,
    (ctx) => {
      const fn = ctx.rng.pick(ctx.account.functions);
      const name = `${fn.name}-role-${ctx.rng.lower(8)}`;
      const trust = policyJson([
        {
          Effect: 'Allow',
          Principal: { Service: 'lambda.amazonaws.com' },
          Action: 'sts:AssumeRole',
        },
      ]);
      return {
        actor: terraform(ctx),
        request: {
          roleName: name,
          path: '/service-role/',
          assumeRolePolicyDocument: trust,
          description: `Execution role of ${fn.name}`,
          maxSessionDuration: 3600,
          tags: [{ key: 'ManagedBy', value: 'terraform' }],
        },
        response: roleResponse(ctx, name, '/service-role/', trust),
      };
    },
    { global: true },
  ),
  change(
    IAM,
    'UpdateAssumeRolePolicy',
    0.0001,
    (ctx) => {
      // Workload accounts let the management account's pipeline deploy; every account trusts GitHub.
      const management = ctx.world.accounts[0]?.id ?? ctx.account.id;
      const trust =
        ctx.account.id !== management && ctx.rng.chance(0.5)
          ? policyJson([
              {
                Effect: 'Allow',
                Principal: { AWS: `arn:aws:iam::${management}:role/github-actions-deploy` },
                Action: 'sts:AssumeRole',
              },
            ])
          : githubTrust(ctx);
      return {
        actor: terraform(ctx),
        request: { roleName: ctx.account.ciRole.name, policyDocument: trust },
      };
    },
    { global: true },
  ),
  change(
    IAM,
    'CreatePolicyVersion',
    0.0005,
    (ctx) => ({
      actor: terraform(ctx),
      request: {
        policyArn: `arn:aws:iam::${ctx.account.id}:policy/${ctx.account.alias}-app-data-access`,
        policyDocument: appPolicy(ctx),
        setAsDefault: true,
      },
      response: {
        policyVersion: {
          versionId: `v${ctx.rng.int(2, 5)}`,
          isDefaultVersion: true,
          createDate: awsDisplayDate(ctx.time),
        },
      },
    }),
    { global: true },
  ),
  change(
    IAM,
    'CreateAccessKey',
    0.00001,
    (ctx) => {
      // An administrator rotates the key of a machine user that cannot use a role yet.
      const user = ctx.rng.pick(ctx.account.users.filter((u) => u.name !== 'sam.ops'));
      return {
        actor: consolePerson(ctx, true),
        request: { userName: user.name },
        response: {
          accessKey: {
            userName: user.name,
            accessKeyId: `AKIA${ctx.rng.upper(16)}`,
            status: 'Active',
            createDate: awsDisplayDate(ctx.time),
          },
        },
      };
    },
    { global: true },
  ),
];
