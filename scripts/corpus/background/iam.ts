import { ciActor, serviceLinkedActor, ssoActor } from '../actors.js';
import type { Ctx } from '../context.js';
import type { Actor, JsonObject } from '../record.js';
import { vendorSessionActor } from './ec2.js';
import type { CallBody, Template } from './template.js';

/**
 * IAM reads only: IAM is global, so these appear in the global region's files.
 * No policy, user or key changes here; those are the seeded attacks and decoys.
 */

function reader(ctx: Ctx): Actor {
  const r = ctx.rng.next();
  if (r < 0.35) return serviceLinkedActor(ctx, 'config.amazonaws.com');
  if (r < 0.6) return ciActor(ctx);
  if (r < 0.8) return vendorSessionActor(ctx);
  return ssoActor(ctx);
}

function roleName(ctx: Ctx): string {
  const a = ctx.account;
  return ctx.rng.pick([
    a.ciRole.name,
    a.instanceRole.name,
    a.taskRole.name,
    a.irsaRole.name,
    ...a.functions.map((f) => f.role.name),
  ]);
}

function read(
  name: string,
  weight: number,
  params: (ctx: Ctx) => JsonObject | null,
  errors?: readonly string[],
): Template {
  return {
    source: 'iam.amazonaws.com',
    name,
    weight,
    global: true,
    ...(errors ? { errors } : {}),
    build(ctx): CallBody {
      return {
        actor: reader(ctx),
        requestParameters: params(ctx),
        responseElements: null,
        readOnly: true,
      };
    },
  };
}

const managedPolicy = (ctx: Ctx) =>
  ctx.rng.pick([
    'arn:aws:iam::aws:policy/ReadOnlyAccess',
    'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
    `arn:aws:iam::${ctx.account.id}:policy/${ctx.account.alias}-app-data-access`,
  ]);

export const iamTemplates: readonly Template[] = [
  read('GetRole', 0.6, (ctx) => ({ roleName: roleName(ctx) }), [
    'AccessDenied',
    'NoSuchEntityException',
  ]),
  read('ListRoles', 0.35, () => ({ maxItems: 1000 }), ['AccessDenied']),
  read('ListAttachedRolePolicies', 0.3, (ctx) => ({ roleName: roleName(ctx) })),
  read('ListRolePolicies', 0.2, (ctx) => ({ roleName: roleName(ctx) })),
  read(
    'GetRolePolicy',
    0.12,
    (ctx) => ({ roleName: roleName(ctx), policyName: 'inline-data-access' }),
    ['NoSuchEntityException'],
  ),
  read('GetPolicy', 0.2, (ctx) => ({ policyArn: managedPolicy(ctx) })),
  read('GetPolicyVersion', 0.2, (ctx) => ({
    policyArn: managedPolicy(ctx),
    versionId: `v${ctx.rng.int(1, 9)}`,
  })),
  read('ListPolicies', 0.08, () => ({ scope: 'Local', onlyAttached: false, maxItems: 1000 })),
  read('ListInstanceProfilesForRole', 0.1, (ctx) => ({ roleName: ctx.account.instanceRole.name })),
  read('GetUser', 0.08, (ctx) => ({ userName: ctx.rng.pick(ctx.account.users).name })),
  read('ListUsers', 0.08, () => null, ['AccessDenied']),
  read('ListAccessKeys', 0.08, (ctx) => ({ userName: ctx.rng.pick(ctx.account.users).name })),
  read('ListMFADevices', 0.05, (ctx) => ({ userName: ctx.rng.pick(ctx.account.users).name })),
  read('GetAccountPasswordPolicy', 0.04, () => null),
  read('ListOpenIDConnectProviders', 0.03, () => null),
  {
    source: 'iam.amazonaws.com',
    name: 'GenerateServiceLastAccessedDetails',
    weight: 0.03,
    global: true,
    build(ctx) {
      const role = ctx.account.ciRole;
      return {
        actor: ssoActor(ctx),
        requestParameters: { arn: role.arn, granularity: 'ACTION_LEVEL' },
        responseElements: { jobId: ctx.rng.uuid() },
        readOnly: false,
      };
    },
  },
];
