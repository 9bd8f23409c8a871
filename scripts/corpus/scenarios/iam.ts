import { officeIp, USER_AGENTS } from '../actors.js';
import type { Actor, JsonObject } from '../record.js';
import { awsDisplayDate } from '../time.js';
import { adminConsoleActor, api, iamUserIdentity, stolenKeyActor } from './common.js';
import type { Scenario, ScenarioCtx } from './types.js';

/** IAM persistence and privilege escalation. IAM is global: all of these are in the global region. */

const IAM = 'iam.amazonaws.com';
const base = { size: 1, spanMs: 0, scope: 'global' } as const;

function iamCall(
  ctx: ScenarioCtx,
  actor: Actor,
  name: string,
  requestParameters: JsonObject,
  responseElements: JsonObject | null = null,
): JsonObject {
  return api(ctx, actor, IAM, name, requestParameters, responseElements, {
    tlsHost: 'iam.amazonaws.com',
  });
}

/** An IAM policy document as IAM logs it: a JSON string. */
function policyDocument(statements: JsonObject[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** The person's own IAM user, working from the office with the CLI. */
function selfServiceActor(ctx: ScenarioCtx): Actor {
  const user = ctx.account.users.find((u) => u.name === 'sam.ops') ?? ctx.account.users[0];
  if (!user) throw new Error('account without IAM users');
  return {
    identity: iamUserIdentity(ctx, user),
    sourceIp: officeIp(ctx.rng),
    userAgent: USER_AGENTS.cliMac,
    key: user.arn,
  };
}

export const iamScenarios: readonly Scenario[] = [
  {
    ...base,
    kind: 'iam-detach-role-policy',
    role: 'attack',
    expect: ['iam-policy-changed'],
    mustNotFire: [],
    criteria:
      'DetachRolePolicy removing a guard-rail policy from a workload role (CIS policy change).',
    build: (ctx) => [
      iamCall(ctx, stolenKeyActor(ctx), 'DetachRolePolicy', {
        roleName: ctx.account.instanceRole.name,
        policyArn: `arn:aws:iam::${ctx.account.id}:policy/deny-data-exfiltration`,
      }),
    ],
  },
  {
    ...base,
    kind: 'iam-attach-admin-policy',
    role: 'attack',
    expect: ['iam-admin-policy-attached', 'iam-policy-changed'],
    mustNotFire: [],
    criteria: 'AttachUserPolicy with the AWS managed AdministratorAccess policy.',
    build: (ctx) => [
      iamCall(ctx, stolenKeyActor(ctx), 'AttachUserPolicy', {
        userName: 'legacy-reporting',
        policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
      }),
    ],
  },
  {
    ...base,
    kind: 'iam-put-user-policy-admin',
    role: 'attack',
    expect: ['iam-policy-grants-full-admin', 'iam-policy-changed'],
    mustNotFire: [],
    criteria: 'PutUserPolicy with an inline document allowing Action "*" on Resource "*".',
    build: (ctx) => [
      iamCall(ctx, stolenKeyActor(ctx), 'PutUserPolicy', {
        userName: 'svc-backup',
        policyName: 'maintenance-window',
        policyDocument: policyDocument([{ Effect: 'Allow', Action: '*', Resource: '*' }]),
      }),
    ],
  },
  {
    ...base,
    kind: 'iam-access-key-for-other-user',
    role: 'attack',
    expect: ['iam-access-key-for-other-user'],
    mustNotFire: [],
    criteria: 'CreateAccessKey by one IAM user for a different user.',
    build: (ctx) => [
      iamCall(
        ctx,
        stolenKeyActor(ctx),
        'CreateAccessKey',
        { userName: 'svc-backup' },
        {
          accessKey: {
            accessKeyId: `AKIA${ctx.rng.upper(16)}`,
            status: 'Active',
            userName: 'svc-backup',
            createDate: awsDisplayDate(ctx.time),
          },
        },
      ),
    ],
  },
  {
    ...base,
    kind: 'iam-create-user',
    role: 'attack',
    expect: ['iam-user-created'],
    mustNotFire: [],
    criteria: 'CreateUser of a new IAM user.',
    build: (ctx) => {
      const userName = `support-${ctx.rng.lower(5)}`;
      return [
        iamCall(
          ctx,
          stolenKeyActor(ctx),
          'CreateUser',
          { userName },
          {
            user: {
              path: '/',
              userName,
              userId: `AIDA${ctx.rng.upper(17)}`,
              arn: `arn:aws:iam::${ctx.account.id}:user/${userName}`,
              createDate: awsDisplayDate(ctx.time),
            },
          },
        ),
      ];
    },
  },
  {
    ...base,
    kind: 'iam-login-profile-for-other-user',
    role: 'attack',
    expect: ['iam-login-profile-created'],
    mustNotFire: [],
    criteria: 'CreateLoginProfile giving another user a console password.',
    build: (ctx) => [
      iamCall(
        ctx,
        stolenKeyActor(ctx),
        'CreateLoginProfile',
        { userName: 'jenkins', passwordResetRequired: false },
        {
          loginProfile: {
            userName: 'jenkins',
            createDate: awsDisplayDate(ctx.time),
            passwordResetRequired: false,
          },
        },
      ),
    ],
  },
  {
    ...base,
    kind: 'iam-attach-readonly-policy',
    role: 'decoy',
    expect: ['iam-policy-changed'],
    mustNotFire: ['iam-admin-policy-attached'],
    criteria: 'AttachUserPolicy with ReadOnlyAccess (a policy change, not an admin grant).',
    build: (ctx) => [
      iamCall(ctx, adminConsoleActor(ctx), 'AttachUserPolicy', {
        userName: 'jenkins',
        policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      }),
    ],
  },
  {
    ...base,
    kind: 'iam-put-role-policy-readonly',
    role: 'decoy',
    expect: ['iam-policy-changed'],
    mustNotFire: ['iam-policy-grants-full-admin'],
    criteria: 'PutRolePolicy with a read-only inline document (s3:Get*, s3:List* on one bucket).',
    build: (ctx) => {
      const bucket = `${ctx.account.alias}-exports-${ctx.account.id}`;
      return [
        iamCall(ctx, adminConsoleActor(ctx), 'PutRolePolicy', {
          roleName: ctx.account.taskRole.name,
          policyName: 'read-exports',
          policyDocument: policyDocument([
            {
              Sid: 'ReadExports',
              Effect: 'Allow',
              Action: ['s3:GetObject', 's3:ListBucket'],
              Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
            },
          ]),
        }),
      ];
    },
  },
  {
    ...base,
    kind: 'iam-access-key-for-self',
    role: 'decoy',
    expect: [],
    mustNotFire: ['iam-access-key-for-other-user'],
    criteria: 'CreateAccessKey by an IAM user for themselves (key rotation).',
    build: (ctx) => {
      const actor = selfServiceActor(ctx);
      const userName = String(actor.identity.userName);
      return [
        iamCall(
          ctx,
          actor,
          'CreateAccessKey',
          { userName },
          {
            accessKey: {
              accessKeyId: `AKIA${ctx.rng.upper(16)}`,
              status: 'Active',
              userName,
              createDate: awsDisplayDate(ctx.time),
            },
          },
        ),
      ];
    },
  },
];
