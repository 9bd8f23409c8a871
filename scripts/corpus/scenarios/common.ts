import { assumedRole, officeIp, USER_AGENTS } from '../actors.js';
import type { Ctx } from '../context.js';
import type { Actor, Call, JsonObject, Resource } from '../record.js';
import { toRecord } from '../record.js';
import type { IamUser } from '../world.js';
import type { Scenario, ScenarioCtx } from './types.js';

/** Shared pieces of seeded scenarios: the attacker's principals and record builders. */

/** The attacker's tooling, as a stolen-key attacker's user agent typically reads. */
export const ATTACKER_UA =
  'aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#6.6.9-amd64 md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#kali.2024 md/prompt#off';

/** Attacker addresses come from a documentation range (never a real host). */
export function attackerIp(ctx: Ctx): string {
  return `192.0.2.${ctx.rng.int(10, 250)}`;
}

function userByName(ctx: Ctx, name: string): IamUser {
  return ctx.account.users.find((u) => u.name === name) ?? (ctx.account.users[0] as IamUser);
}

export function iamUserIdentity(
  ctx: Ctx,
  user: IamUser,
  withKey = true,
): JsonObject & { type: string } {
  return {
    type: 'IAMUser',
    principalId: user.id,
    arn: user.arn,
    accountId: ctx.account.id,
    accessKeyId: withKey ? user.accessKeyId : '',
    userName: user.name,
  };
}

/** A machine user whose long-term access key leaked. */
export function stolenKeyActor(ctx: Ctx): Actor {
  const user = userByName(ctx, 'legacy-reporting');
  return {
    identity: iamUserIdentity(ctx, user),
    sourceIp: attackerIp(ctx),
    userAgent: ATTACKER_UA,
    key: user.arn,
  };
}

/** The CI role's credentials, replayed from outside GitHub. */
export function stolenCiSessionActor(ctx: Ctx): Actor {
  const role = ctx.account.ciRole;
  return {
    identity: assumedRole(ctx, ctx.account, role, 'GitHubActions', {
      webIdProvider: `arn:aws:iam::${ctx.account.id}:oidc-provider/token.actions.githubusercontent.com`,
    }),
    sourceIp: attackerIp(ctx),
    userAgent: ATTACKER_UA,
    key: role.arn,
  };
}

/** A person's admin session through IAM Identity Center, used in the console. */
export function adminConsoleActor(
  ctx: Ctx,
  person = ctx.rng.pick(ctx.world.people),
  ip = officeIp(ctx.rng),
): Actor {
  const role = ctx.account.ssoRoles[0];
  if (!role) throw new Error('account without SSO roles');
  return {
    identity: assumedRole(ctx, ctx.account, role, `${person}@example.com`),
    sourceIp: ip,
    userAgent: 'AWS Internal',
    key: role.arn,
    console: true,
  };
}

/** The CI pipeline doing its normal job from GitHub's runners. */
export function ciDeployActor(ctx: Ctx): Actor {
  const role = ctx.account.ciRole;
  return {
    identity: assumedRole(ctx, ctx.account, role, 'GitHubActions', {
      webIdProvider: `arn:aws:iam::${ctx.account.id}:oidc-provider/token.actions.githubusercontent.com`,
    }),
    sourceIp: `20.${ctx.rng.int(0, 255)}.${ctx.rng.int(0, 255)}.${ctx.rng.int(1, 254)}`,
    userAgent: USER_AGENTS.terraform,
    key: role.arn,
  };
}

export interface ApiOptions {
  readonly offsetMs?: number;
  readonly resources?: readonly Resource[];
  readonly additionalEventData?: JsonObject;
  /** `null` leaves requestID out (console sign-in). */
  readonly requestID?: string | null;
  readonly readOnly?: boolean;
  readonly data?: boolean;
  readonly tlsHost?: string | null;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly eventType?: Call['eventType'];
  readonly serviceEventDetails?: JsonObject;
}

/** One API call record of a scenario. */
export function api(
  ctx: ScenarioCtx,
  actor: Actor,
  source: string,
  name: string,
  requestParameters: JsonObject | null,
  responseElements: JsonObject | null,
  options: ApiOptions = {},
): JsonObject {
  const call: Call = {
    source,
    name,
    actor,
    account: ctx.account,
    region: ctx.region,
    time: ctx.time + (options.offsetMs ?? 0),
    requestParameters,
    responseElements,
    readOnly: options.readOnly ?? false,
    ...(options.additionalEventData ? { additionalEventData: options.additionalEventData } : {}),
    ...(options.resources ? { resources: options.resources } : {}),
    ...(options.requestID !== undefined ? { requestID: options.requestID } : {}),
    ...(options.data ? { data: true } : {}),
    ...(options.tlsHost !== undefined ? { tlsHost: options.tlsHost } : {}),
    ...(options.errorCode ? { errorCode: options.errorCode } : {}),
    ...(options.errorMessage ? { errorMessage: options.errorMessage } : {}),
    ...(options.eventType ? { eventType: options.eventType } : {}),
    ...(options.serviceEventDetails ? { serviceEventDetails: options.serviceEventDetails } : {}),
  };
  return toRecord(ctx.rng, call);
}

/** Fills in the defaults every single-event scenario shares. */
export function single(
  scenario: Omit<Scenario, 'size' | 'spanMs' | 'expect' | 'mustNotFire'> &
    Partial<Pick<Scenario, 'expect' | 'mustNotFire'>>,
): Scenario {
  return { size: 1, spanMs: 0, expect: [], mustNotFire: [], ...scenario };
}
