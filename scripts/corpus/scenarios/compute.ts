import { kmsKeyArn, kmsResource } from '../background/shared.js';
import { pickIn } from '../context.js';
import type { JsonObject } from '../record.js';
import { awsDisplayDate, DAY } from '../time.js';
import { adminConsoleActor, api, ciDeployActor, stolenCiSessionActor } from './common.js';
import type { Scenario, ScenarioCtx } from './types.js';

/** KMS key destruction and security groups opened to the internet. */

const KMS = 'kms.amazonaws.com';
const EC2 = 'ec2.amazonaws.com';
const base = { size: 1, spanMs: 0, scope: 'any' } as const;

function keyCall(
  ctx: ScenarioCtx,
  name: string,
  extraRequest: JsonObject,
  response: (arn: string) => JsonObject | null,
  admin = false,
): JsonObject {
  const arn = kmsKeyArn(ctx);
  return api(
    ctx,
    admin ? adminConsoleActor(ctx) : stolenCiSessionActor(ctx),
    KMS,
    name,
    { keyId: arn, ...extraRequest },
    response(arn),
    { resources: [kmsResource(ctx, arn)] },
  );
}

interface Rule {
  readonly port: number;
  readonly cidr?: string;
  readonly cidrV6?: string;
  readonly description: string;
}

/** AuthorizeSecurityGroupIngress as EC2 logs it: `items` sets, and the rule ids it created. */
function ingress(ctx: ScenarioCtx, rule: Rule, benign: boolean): JsonObject {
  const groupId = pickIn(ctx, ctx.account.securityGroups);
  const range = rule.cidr
    ? {
        ipRanges: { items: [{ cidrIp: rule.cidr, description: rule.description }] },
        ipv6Ranges: {},
      }
    : {
        ipRanges: {},
        ipv6Ranges: { items: [{ cidrIpv6: rule.cidrV6, description: rule.description }] },
      };
  const request = {
    groupId,
    ipPermissions: {
      items: [
        {
          ipProtocol: 'tcp',
          fromPort: rule.port,
          toPort: rule.port,
          groups: {},
          ...range,
          prefixListIds: {},
        },
      ],
    },
  };
  const response = {
    requestId: ctx.rng.uuid(),
    _return: true,
    securityGroupRuleSet: {
      items: [
        {
          groupOwnerId: ctx.account.id,
          groupId,
          securityGroupRuleId: `sgr-0${ctx.rng.hex(16)}`,
          isEgress: false,
          ipProtocol: 'tcp',
          fromPort: rule.port,
          toPort: rule.port,
          ...(rule.cidr ? { cidrIpv4: rule.cidr } : { cidrIpv6: rule.cidrV6 }),
          description: rule.description,
        },
      ],
    },
  };
  return api(
    ctx,
    benign ? ciDeployActor(ctx) : stolenCiSessionActor(ctx),
    EC2,
    'AuthorizeSecurityGroupIngress',
    request,
    response,
  );
}

export const computeScenarios: readonly Scenario[] = [
  {
    ...base,
    kind: 'kms-schedule-key-deletion',
    role: 'attack',
    expect: ['kms-key-disabled-or-deleted'],
    mustNotFire: [],
    criteria: 'ScheduleKeyDeletion with the shortest pending window (7 days).',
    build: (ctx) => [
      keyCall(ctx, 'ScheduleKeyDeletion', { pendingWindowInDays: 7 }, (arn) => ({
        keyId: arn,
        deletionDate: awsDisplayDate(ctx.time + 7 * DAY),
        keyState: 'PendingDeletion',
        pendingWindowInDays: 7,
      })),
    ],
  },
  {
    ...base,
    kind: 'kms-disable-key',
    role: 'attack',
    expect: ['kms-key-disabled-or-deleted'],
    mustNotFire: [],
    criteria: 'DisableKey on a customer managed key.',
    build: (ctx) => [keyCall(ctx, 'DisableKey', {}, () => null)],
  },
  {
    ...base,
    kind: 'sg-open-ssh-to-world',
    role: 'attack',
    expect: ['security-group-open-to-world'],
    mustNotFire: [],
    criteria: 'AuthorizeSecurityGroupIngress allowing tcp/22 from 0.0.0.0/0.',
    build: (ctx) => [
      ingress(ctx, { port: 22, cidr: '0.0.0.0/0', description: 'temp access' }, false),
    ],
  },
  {
    ...base,
    kind: 'sg-open-rdp-to-world-ipv6',
    role: 'attack',
    expect: ['security-group-open-to-world'],
    mustNotFire: [],
    criteria: 'AuthorizeSecurityGroupIngress allowing tcp/3389 from ::/0.',
    build: (ctx) => [ingress(ctx, { port: 3389, cidrV6: '::/0', description: '' }, false)],
  },
  {
    ...base,
    kind: 'kms-enable-key-rotation',
    role: 'decoy',
    expect: [],
    mustNotFire: ['kms-key-disabled-or-deleted'],
    criteria: 'EnableKeyRotation (hardening).',
    build: (ctx) => [keyCall(ctx, 'EnableKeyRotation', {}, () => null, true)],
  },
  {
    ...base,
    kind: 'kms-cancel-key-deletion',
    role: 'decoy',
    expect: [],
    mustNotFire: ['kms-key-disabled-or-deleted'],
    criteria: 'CancelKeyDeletion: a deletion was called off.',
    build: (ctx) => [keyCall(ctx, 'CancelKeyDeletion', {}, (arn) => ({ keyId: arn }), true)],
  },
  {
    ...base,
    kind: 'sg-ingress-private-range',
    role: 'decoy',
    expect: [],
    mustNotFire: ['security-group-open-to-world'],
    criteria: 'AuthorizeSecurityGroupIngress from 10.0.0.0/8 (inside the network).',
    build: (ctx) => [
      ingress(ctx, { port: 443, cidr: '10.0.0.0/8', description: 'internal HTTPS' }, true),
    ],
  },
  {
    ...base,
    kind: 'sg-ingress-single-host',
    role: 'decoy',
    expect: [],
    mustNotFire: ['security-group-open-to-world'],
    criteria: 'AuthorizeSecurityGroupIngress allowing tcp/22 from one /32 address (a bastion).',
    build: (ctx) => [
      ingress(ctx, { port: 22, cidr: '203.0.113.25/32', description: 'office bastion' }, true),
    ],
  },
];
