import { assumedRole } from '../actors.js';
import { errorMessageFor } from '../errors.js';
import type { Actor } from '../record.js';
import { ATTACKER_UA, api, attackerIp } from './common.js';
import type { Scenario } from './types.js';

/** Threshold scenarios: many events that alert only together. */

/** What an attacker with stolen instance credentials tries first, and is refused. */
const ENUMERATION: readonly [string, string, string][] = [
  ['iam.amazonaws.com', 'ListUsers', 'AccessDenied'],
  ['iam.amazonaws.com', 'ListRoles', 'AccessDenied'],
  ['iam.amazonaws.com', 'GetAccountAuthorizationDetails', 'AccessDenied'],
  ['s3.amazonaws.com', 'ListBuckets', 'AccessDenied'],
  ['secretsmanager.amazonaws.com', 'ListSecrets', 'AccessDeniedException'],
  ['ec2.amazonaws.com', 'DescribeInstances', 'Client.UnauthorizedOperation'],
  ['lambda.amazonaws.com', 'ListFunctions20150331', 'AccessDeniedException'],
  ['dynamodb.amazonaws.com', 'ListTables', 'AccessDeniedException'],
  ['organizations.amazonaws.com', 'DescribeOrganization', 'AccessDeniedException'],
  ['kms.amazonaws.com', 'ListKeys', 'AccessDeniedException'],
];

export const burstScenarios: readonly Scenario[] = [
  {
    kind: 'access-denied-burst',
    role: 'attack',
    expect: ['access-denied-burst'],
    mustNotFire: [],
    scope: 'global',
    size: 30,
    spanMs: 4 * 60_000,
    criteria:
      'Thirty AccessDenied / UnauthorizedOperation errors from one role within five minutes (enumeration with stolen instance credentials).',
    build: (ctx) => {
      const role = ctx.account.instanceRole;
      const instance = ctx.account.instances[ctx.region]?.[0] ?? 'i-0123456789abcdef0';
      const ip = attackerIp(ctx);
      const identity = assumedRole(ctx, ctx.account, role, instance, { ec2RoleDelivery: true });
      const actor: Actor = { identity, sourceIp: ip, userAgent: ATTACKER_UA, key: role.arn };
      return Array.from({ length: 30 }, (_, i) => {
        const [source, name, code] = ENUMERATION[i % ENUMERATION.length] as [
          string,
          string,
          string,
        ];
        return api(ctx, actor, source, name, null, null, {
          offsetMs: i * 7_000 + ctx.rng.int(0, 3_000),
          readOnly: true,
          errorCode: code,
          errorMessage: errorMessageFor(code, { source, name, actor }),
          ...(source === 'iam.amazonaws.com' ? { tlsHost: 'iam.amazonaws.com' } : {}),
        });
      });
    },
  },
];
