import { assumedRole, officeIp, USER_AGENTS } from '../actors.js';
import type { Ctx } from '../context.js';
import type { Actor, JsonObject } from '../record.js';
import { isoSeconds } from '../time.js';
import type { IamUser } from '../world.js';
import { api, attackerIp, iamUserIdentity } from './common.js';
import type { Scenario, ScenarioCtx } from './types.js';

/** Console sign-in: `eventType` AwsConsoleSignIn, no requestID, outcome in responseElements. */

const SIGNIN = 'signin.amazonaws.com';

function loginTo(ctx: Ctx): string {
  return `https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB_${ctx.region}_${ctx.rng.hex(16)}`;
}

interface LoginOptions {
  readonly success: boolean;
  readonly mfa: boolean;
  readonly offsetMs?: number;
  readonly extra?: JsonObject;
  readonly mfaIdentifier?: string;
}

/** A ConsoleLogin record, as CloudTrail writes it for every identity type. */
export function consoleLogin(ctx: ScenarioCtx, actor: Actor, options: LoginOptions): JsonObject {
  const additional: JsonObject = {
    LoginTo: loginTo(ctx),
    MobileVersion: 'No',
    ...(options.mfaIdentifier ? { MFAIdentifier: options.mfaIdentifier } : {}),
    MFAUsed: options.mfa ? 'Yes' : 'No',
    ...options.extra,
  };
  return api(
    ctx,
    actor,
    SIGNIN,
    'ConsoleLogin',
    null,
    { ConsoleLogin: options.success ? 'Success' : 'Failure' },
    {
      additionalEventData: additional,
      eventType: 'AwsConsoleSignIn',
      requestID: null,
      tlsHost: 'signin.aws.amazon.com',
      ...(options.offsetMs ? { offsetMs: options.offsetMs } : {}),
      ...(options.success ? {} : { errorMessage: 'Failed authentication' }),
    },
  );
}

function user(ctx: Ctx, name: string): IamUser {
  const found = ctx.account.users.find((u) => u.name === name) ?? ctx.account.users[0];
  if (!found) throw new Error('account without IAM users');
  return found;
}

function browserActor(identity: JsonObject & { type: string }, ip: string, key: string): Actor {
  return { identity, sourceIp: ip, userAgent: USER_AGENTS.browser, key };
}

function rootIdentity(ctx: Ctx): JsonObject & { type: string } {
  return {
    type: 'Root',
    principalId: ctx.account.id,
    arn: `arn:aws:iam::${ctx.account.id}:root`,
    accountId: ctx.account.id,
    accessKeyId: '',
  };
}

const base = { size: 1, spanMs: 0, scope: 'global' } as const;

export const signinScenarios: readonly Scenario[] = [
  {
    ...base,
    kind: 'console-login-iam-user-no-mfa',
    role: 'attack',
    expect: ['console-login-without-mfa'],
    mustNotFire: [],
    criteria: 'IAM user ConsoleLogin succeeded with MFAUsed "No".',
    build: (ctx) => {
      const u = user(ctx, 'sam.ops');
      const identity = iamUserIdentity(ctx, u, false);
      return [
        consoleLogin(ctx, browserActor(identity, attackerIp(ctx), u.arn), {
          success: true,
          mfa: false,
        }),
      ];
    },
  },
  {
    kind: 'console-login-failures',
    role: 'attack',
    expect: ['console-login-failures'],
    mustNotFire: [],
    scope: 'global',
    size: 8,
    spanMs: 3 * 60_000,
    criteria:
      'Eight failed ConsoleLogin attempts for one IAM user within five minutes (password guessing).',
    build: (ctx) => {
      const u = user(ctx, 'jenkins');
      const ip = attackerIp(ctx);
      const identity = iamUserIdentity(ctx, u, false);
      return Array.from({ length: 8 }, (_, i) =>
        consoleLogin(ctx, browserActor(identity, ip, u.arn), {
          success: false,
          mfa: false,
          offsetMs: i * 20_000 + ctx.rng.int(0, 5_000),
        }),
      );
    },
  },
  {
    ...base,
    kind: 'root-console-login',
    role: 'attack',
    expect: ['root-account-used'],
    mustNotFire: [],
    criteria: 'Root user ConsoleLogin succeeded (with MFA).',
    build: (ctx) => {
      const identity = rootIdentity(ctx);
      return [
        consoleLogin(ctx, browserActor(identity, attackerIp(ctx), String(identity.arn)), {
          success: true,
          mfa: true,
          mfaIdentifier: `arn:aws:iam::${ctx.account.id}:mfa/root-account-mfa-device`,
        }),
      ];
    },
  },
  {
    ...base,
    kind: 'root-api-call',
    role: 'attack',
    expect: ['root-account-used'],
    mustNotFire: [],
    criteria: 'An API call by the root user with console credentials (IAM GetAccountSummary).',
    build: (ctx) => {
      const identity: JsonObject & { type: string } = {
        ...rootIdentity(ctx),
        accessKeyId: `ASIA${ctx.rng.upper(16)}`,
        sessionContext: {
          attributes: {
            creationDate: isoSeconds(ctx.time - 120_000),
            mfaAuthenticated: 'true',
          },
        },
      };
      const actor: Actor = {
        identity,
        sourceIp: attackerIp(ctx),
        userAgent: 'AWS Internal',
        key: String(identity.arn),
        console: true,
      };
      return [
        api(ctx, actor, 'iam.amazonaws.com', 'GetAccountSummary', null, null, {
          readOnly: true,
          tlsHost: 'iam.amazonaws.com',
        }),
      ];
    },
  },
  {
    ...base,
    kind: 'console-login-iam-user-mfa',
    role: 'decoy',
    expect: [],
    mustNotFire: ['console-login-without-mfa'],
    criteria: 'IAM user ConsoleLogin succeeded with MFAUsed "Yes".',
    build: (ctx) => {
      const u = user(ctx, 'sam.ops');
      const identity = iamUserIdentity(ctx, u, false);
      return [
        consoleLogin(ctx, browserActor(identity, officeIp(ctx.rng), u.arn), {
          success: true,
          mfa: true,
          mfaIdentifier: `arn:aws:iam::${ctx.account.id}:mfa/sam.ops-yubikey`,
        }),
      ];
    },
  },
  {
    ...base,
    kind: 'console-login-sso',
    role: 'decoy',
    expect: [],
    mustNotFire: ['console-login-without-mfa', 'root-account-used'],
    criteria:
      'ConsoleLogin of an IAM Identity Center session (AWSReservedSSO role): MFAUsed "No" because MFA happened at the identity provider.',
    build: (ctx) => {
      const role = ctx.account.ssoRoles[ctx.rng.int(0, 2)] ?? ctx.account.ciRole;
      const person = `${ctx.rng.pick(ctx.world.people)}@example.com`;
      const identity = assumedRole(ctx, ctx.account, role, person);
      delete identity.accessKeyId;
      return [
        consoleLogin(ctx, browserActor(identity, officeIp(ctx.rng), role.arn), {
          success: true,
          mfa: false,
        }),
      ];
    },
  },
  {
    ...base,
    kind: 'console-login-saml',
    role: 'decoy',
    expect: [],
    mustNotFire: ['console-login-without-mfa'],
    criteria: 'ConsoleLogin federated through a SAML identity provider (MFA enforced by the IdP).',
    build: (ctx) => {
      const role = ctx.account.samlRole;
      const person = `${ctx.rng.pick(ctx.world.people)}@example.com`;
      const identity = assumedRole(ctx, ctx.account, role, person);
      delete identity.accessKeyId;
      return [
        consoleLogin(ctx, browserActor(identity, officeIp(ctx.rng), role.arn), {
          success: true,
          mfa: false,
          extra: { SamlProviderArn: `arn:aws:iam::${ctx.account.id}:saml-provider/Okta` },
        }),
      ];
    },
  },
  {
    ...base,
    kind: 'console-login-single-failure',
    role: 'decoy',
    expect: [],
    mustNotFire: ['console-login-failures'],
    criteria: 'One failed ConsoleLogin (a mistyped password), not a burst.',
    build: (ctx) => {
      const u = user(ctx, 'sam.ops');
      const identity = iamUserIdentity(ctx, u, false);
      return [
        consoleLogin(ctx, browserActor(identity, officeIp(ctx.rng), u.arn), {
          success: false,
          mfa: false,
        }),
      ];
    },
  },
  {
    ...base,
    kind: 'root-service-event',
    role: 'decoy',
    expect: [],
    mustNotFire: ['root-account-used'],
    criteria:
      'A service event recorded under the root identity with invokedBy (eventType AwsServiceEvent): no person used root.',
    build: (ctx) => {
      const identity = { ...rootIdentity(ctx), invokedBy: 'trustedadvisor.amazonaws.com' };
      delete (identity as JsonObject).accessKeyId;
      const actor: Actor = {
        identity,
        sourceIp: 'trustedadvisor.amazonaws.com',
        userAgent: 'trustedadvisor.amazonaws.com',
        key: 'trustedadvisor.amazonaws.com',
      };
      return [
        api(ctx, actor, 'trustedadvisor.amazonaws.com', 'RefreshCheck', null, null, {
          eventType: 'AwsServiceEvent',
          tlsHost: null,
          serviceEventDetails: { checkId: ctx.rng.alnum(10), status: 'success' },
        }),
      ];
    },
  },
];
