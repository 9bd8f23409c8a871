import {
  awsPublicIp,
  ciActor,
  iamUserActor,
  partnerActor,
  serviceActor,
  ssoActor,
  USER_AGENTS,
  workloadActor,
} from '../actors.js';
import type { Ctx } from '../context.js';
import { pickIn } from '../context.js';
import type { Actor } from '../record.js';
import type { Role } from '../world.js';
import { credentials, roleResource } from './shared.js';
import type { CallBody, Template } from './template.js';

/** STS: every role session starts with one of these, so they are the second most common event. */

function assumeRoleBody(
  ctx: Ctx,
  actor: Actor,
  role: Role,
  session: string,
  extra: Record<string, unknown> = {},
  shared = false,
): CallBody {
  return {
    actor,
    requestParameters: { roleArn: role.arn, roleSessionName: session, ...extra },
    responseElements: {
      credentials: credentials(ctx.rng, ctx.time),
      assumedRoleUser: {
        assumedRoleId: `${role.id}:${session}`,
        arn: `arn:aws:sts::${ctx.account.id}:assumed-role/${role.name}/${session}`,
      },
    },
    readOnly: true,
    resources: [roleResource(ctx.account.id, role)],
    ...(shared ? { sharedEventID: ctx.rng.uuid() } : {}),
  };
}

function assumeRole(ctx: Ctx): CallBody {
  const { rng, account } = ctx;
  const r = rng.next();
  if (r < 0.45) {
    // Lambda fetching its execution role's credentials.
    const fn = pickIn(ctx, account.functionsIn);
    return assumeRoleBody(ctx, serviceActor('lambda.amazonaws.com'), fn.role, fn.name);
  }
  if (r < 0.6) {
    return assumeRoleBody(
      ctx,
      serviceActor('ecs-tasks.amazonaws.com'),
      account.taskRole,
      rng.hex(32),
    );
  }
  if (r < 0.7) {
    const instance = pickIn(ctx, account.instances);
    return assumeRoleBody(ctx, serviceActor('ec2.amazonaws.com'), account.instanceRole, instance);
  }
  if (r < 0.82) {
    // The monitoring vendor assumes its read-only role from its own account.
    const actor = partnerActor(ctx);
    const session = String(actor.identity.principalId).split(':')[1] ?? 'collector';
    return assumeRoleBody(
      ctx,
      actor,
      account.crossAccountRole,
      session,
      { externalId: `vendor-${account.id.slice(-4)}-${ctx.world.orgId.slice(2, 8)}` },
      true,
    );
  }
  if (r < 0.92) {
    // CI hops from its OIDC role to a deploy role in this account.
    return assumeRoleBody(ctx, ciActor(ctx), account.ssoRoles[2] ?? account.ciRole, 'terraform', {
      durationSeconds: 3600,
    });
  }
  const target = account.crossAccountRole;
  return assumeRoleBody(
    ctx,
    ssoActor(ctx, 1, undefined, false),
    target,
    `${rng.pick(ctx.world.people)}-audit`,
  );
}

function assumeRoleWithWebIdentity(ctx: Ctx): CallBody {
  const { rng, account } = ctx;
  const github = rng.chance(0.35);
  const role = github ? account.ciRole : account.irsaRole;
  const provider = github
    ? 'token.actions.githubusercontent.com'
    : `oidc.eks.${ctx.region}.amazonaws.com/id/${account.id.slice(0, 4)}B2C8D539D4633E53DE1B71EXAMPLE`;
  const subject = github
    ? `repo:example-org/${rng.pick(['platform', 'orders-service', 'web'])}:ref:refs/heads/main`
    : 'system:serviceaccount:kube-system:external-dns';
  const session = github ? 'GitHubActions' : rng.digits(19);
  const providerArn = `arn:aws:iam::${account.id}:oidc-provider/${provider}`;
  const actor: Actor = {
    identity: {
      type: 'WebIdentityUser',
      principalId: `${providerArn}:sts.amazonaws.com:${subject}`,
      userName: subject,
      identityProvider: providerArn,
    },
    sourceIp: github
      ? `20.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`
      : awsPublicIp(rng),
    userAgent: github ? USER_AGENTS.terraform : USER_AGENTS.externalDns,
    // principalOf() names web identities by subject, across accounts: keep error counts per subject too.
    key: `WebIdentityUser:${subject}`,
  };
  const body = assumeRoleBody(ctx, actor, role, session, { durationSeconds: 3600 });
  body.responseElements = {
    ...body.responseElements,
    subjectFromWebIdentityToken: subject,
    provider: providerArn,
    audience: 'sts.amazonaws.com',
  };
  return body;
}

export const stsTemplates: readonly Template[] = [
  {
    source: 'sts.amazonaws.com',
    name: 'AssumeRole',
    weight: 10.5,
    errors: ['AccessDenied'],
    errorRate: 0.004,
    build: assumeRole,
  },
  {
    source: 'sts.amazonaws.com',
    name: 'AssumeRoleWithWebIdentity',
    weight: 1.4,
    errors: ['AccessDenied', 'InvalidIdentityToken'],
    errorRate: 0.004,
    build: assumeRoleWithWebIdentity,
  },
  {
    source: 'sts.amazonaws.com',
    name: 'GetCallerIdentity',
    weight: 1.4,
    build(ctx) {
      return {
        actor: workloadActor(ctx),
        requestParameters: null,
        responseElements: null,
        readOnly: true,
      };
    },
  },
  {
    source: 'sts.amazonaws.com',
    name: 'GetSessionToken',
    weight: 0.05,
    build(ctx) {
      return {
        actor: iamUserActor(ctx),
        requestParameters: { durationSeconds: 43200 },
        responseElements: { credentials: credentials(ctx.rng, ctx.time, 12) },
        readOnly: true,
      };
    },
  },
];
