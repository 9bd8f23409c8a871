import { assumedRole, ciActor, officeIp, ssoActor, USER_AGENTS } from '../../actors.js';
import type { Ctx } from '../../context.js';
import type { Actor, JsonObject, Resource } from '../../record.js';
import type { Account, Role } from '../../world.js';
import type { CallBody, Template } from '../template.js';

/**
 * Building blocks of routine changes: the deployments, console work and service
 * automation every real account shows between its reads. Each template is one
 * benign change event; how often it happens is its weight.
 */

/** What a change template decides; `readOnly` defaults to false (these are changes). */
export interface ChangeBody {
  readonly actor: Actor;
  readonly request: JsonObject | null;
  readonly response?: JsonObject | null;
  readonly resources?: readonly Resource[];
  readonly additionalEventData?: JsonObject;
  readonly readOnly?: boolean;
  readonly eventType?: CallBody['eventType'];
  readonly requestID?: string | null;
  readonly tlsHost?: string | null;
  readonly apiVersion?: string;
}

/** A change template. `extra` carries `global`, `managementOnly` and error settings. */
export function change(
  source: string,
  name: string,
  weight: number,
  build: (ctx: Ctx) => ChangeBody,
  extra: Pick<Template, 'global' | 'managementOnly' | 'errors' | 'errorRate'> = {},
): Template {
  return {
    source,
    name,
    weight,
    ...extra,
    build(ctx): CallBody {
      const body = build(ctx);
      return {
        actor: body.actor,
        requestParameters: body.request,
        responseElements: body.response ?? null,
        readOnly: body.readOnly ?? false,
        ...(body.resources ? { resources: body.resources } : {}),
        ...(body.additionalEventData ? { additionalEventData: body.additionalEventData } : {}),
        ...(body.eventType ? { eventType: body.eventType } : {}),
        ...(body.requestID !== undefined ? { requestID: body.requestID } : {}),
        ...(body.tlsHost !== undefined ? { tlsHost: body.tlsHost } : {}),
        ...(body.apiVersion ? { apiVersion: body.apiVersion } : {}),
      };
    },
  };
}

/** Terraform applying from GitHub Actions through the CI role (most changes). */
export const terraform = ciActor;

/**
 * A CloudFormation stack update deployed by the CI role: CloudFormation makes
 * the calls with the caller's session, so CloudTrail shows the CI role with
 * `invokedBy` and the service as source address and user agent.
 */
export function cloudFormation(ctx: Ctx): Actor {
  const role = ctx.account.ciRole;
  const service = 'cloudformation.amazonaws.com';
  return {
    identity: assumedRole(ctx, ctx.account, role, 'GitHubActions', {
      webIdProvider: `arn:aws:iam::${ctx.account.id}:oidc-provider/token.actions.githubusercontent.com`,
      invokedBy: service,
    }),
    sourceIp: service,
    userAgent: service,
    key: role.arn,
  };
}

/**
 * An engineer working in the console through IAM Identity Center: an
 * administrator, or (unless the change needs IAM) a power user.
 */
export function consolePerson(ctx: Ctx, adminOnly = false): Actor {
  const role = adminOnly || ctx.rng.chance(0.5) ? 0 : 2;
  return ssoActor(ctx, role, ctx.rng.pick(ctx.world.people), true);
}

/** An engineer at the office using the CLI through IAM Identity Center. */
export function cliPerson(ctx: Ctx): Actor {
  return ssoActor(ctx, ctx.rng.chance(0.5) ? 0 : 2, ctx.rng.pick(ctx.world.people), false);
}

/** A person's browser, for sign-in events (the console's own calls say "AWS Internal"). */
export function browser(identity: JsonObject & { type: string }, key: string, ctx: Ctx): Actor {
  return {
    identity,
    sourceIp: officeIp(ctx.rng),
    userAgent: ctx.rng.chance(0.7) ? USER_AGENTS.browser : USER_AGENTS.browserWin,
    key,
  };
}

/**
 * A role that exists in every account but is not part of the world's role
 * lists (service roles, StackSets execution roles). Its unique id is derived
 * from the account and name, so every event agrees without drawing randomness.
 */
export function namedRole(account: Account, name: string, path = '/'): Role {
  let h = 2166136261;
  const text = `${account.id}/${name}`;
  let id = 'AROA';
  for (let round = 0; id.length < 21; round++) {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    h = Math.imul(h ^ round, 16777619);
    id += (h >>> 0).toString(36).toUpperCase().padStart(7, '0').slice(0, 7);
  }
  return { name, arn: `arn:aws:iam::${account.id}:role${path}${name}`, id: id.slice(0, 21) };
}

/** A service acting with a role passed to it (DLM, AWS Backup, StackSets): invokedBy the service. */
export function serviceRoleActor(ctx: Ctx, role: Role, session: string, service: string): Actor {
  return {
    identity: assumedRole(ctx, ctx.account, role, session, { invokedBy: service }),
    sourceIp: service,
    userAgent: service,
    key: role.arn,
  };
}

/** The organisation's other accounts, as a bucket or key policy names them. */
export function otherOrgAccount(ctx: Ctx): string {
  const others = ctx.world.accounts.filter((a) => a !== ctx.account);
  return (others.length > 0 ? ctx.rng.pick(others) : ctx.account).id;
}

/** An IAM or resource policy document: IAM logs it as a JSON string. */
export function policyJson(statements: readonly JsonObject[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}
