import { describe, it } from 'vitest';
import { ACCOUNT, cloudTrailEvent, identities } from '../helpers/events.js';
import { type EvasionCase, expectCaught, expectQuiet } from './engine-findings.js';

/**
 * Network exposure written the way an attacker who knows the rules would write it:
 * the same door opened with another spelling of /0, with ranges that only together
 * cover the internet, through a prefix list, or by rewriting an existing rule.
 * Records follow the EC2 API reference and the CloudTrail records EC2 writes
 * (lists wrapped as `{items: [...]}`, newer APIs' requests wrapped in `<Api>Request`).
 */

const EC2 = 'ec2.amazonaws.com';
const GROUP = 'sg-0a1b2c3d4e5f67890';
/** com.amazonaws.global.cloudfront.origin-facing in us-east-1 and eu-west-1. */
const CLOUDFRONT_US_EAST_1 = 'pl-3b927c52';
const CLOUDFRONT_EU_WEST_1 = 'pl-4fa04526';
/** A customer-managed prefix list: its entries are not in the record. */
const CUSTOMER_LIST = 'pl-0f1e2d3c4b5a69788';

interface Permission {
  readonly protocol: string | number;
  readonly from?: number | string;
  readonly to?: number | string;
  readonly v4?: readonly string[];
  readonly v6?: readonly string[];
  readonly prefixLists?: readonly string[];
}

const tcp = (from: number | string, to: number | string = from) => ({ protocol: 'tcp', from, to });

function permissionItem(p: Permission) {
  return {
    ipProtocol: p.protocol,
    ...(p.from === undefined ? {} : { fromPort: p.from, toPort: p.to }),
    groups: {},
    ipRanges: p.v4 ? { items: p.v4.map((cidrIp) => ({ cidrIp })) } : {},
    ipv6Ranges: p.v6 ? { items: p.v6.map((cidrIpv6) => ({ cidrIpv6 })) } : {},
    prefixListIds: p.prefixLists
      ? { items: p.prefixLists.map((prefixListId) => ({ prefixListId })) }
      : {},
  };
}

/** The rules EC2 reports creating: one per range or prefix list, protocol and ports normalised. */
function ruleSet(permissions: readonly Permission[], isEgress: boolean) {
  let n = 0;
  const items = permissions.flatMap((p) => {
    const protocol = p.protocol === '6' || p.protocol === 6 ? 'tcp' : String(p.protocol);
    const ports = {
      fromPort: p.from === undefined ? -1 : Number(p.from),
      toPort: p.to === undefined ? -1 : Number(p.to),
    };
    const targets = [
      ...(p.v4 ?? []).map((cidrIpv4) => ({ cidrIpv4 })),
      ...(p.v6 ?? []).map((cidrIpv6) => ({ cidrIpv6 })),
      ...(p.prefixLists ?? []).map((prefixListId) => ({ prefixListId })),
    ];
    return targets.map((target) => {
      n += 1;
      return {
        groupOwnerId: ACCOUNT,
        groupId: GROUP,
        securityGroupRuleId: `sgr-0${String(n).padStart(16, '0')}`,
        isEgress,
        ipProtocol: protocol,
        ...ports,
        ...target,
      };
    });
  });
  return { items };
}

/**
 * AuthorizeSecurityGroupIngress (or Egress). Records from before security group
 * rule ids existed, and odd spellings EC2 accepted, carry no rule set in the
 * response: `withRuleSet: false` leaves only the request to judge.
 */
function authorize(
  permissions: readonly Permission[],
  options: { egress?: boolean; withRuleSet?: boolean; region?: string } = {},
) {
  const egress = options.egress ?? false;
  return cloudTrailEvent({
    eventSource: EC2,
    eventName: egress ? 'AuthorizeSecurityGroupEgress' : 'AuthorizeSecurityGroupIngress',
    awsRegion: options.region ?? 'us-east-1',
    userIdentity: identities.assumedRole('Dev', 'mallory'),
    requestParameters: {
      groupId: GROUP,
      ipPermissions: { items: permissions.map(permissionItem) },
    },
    responseElements: {
      requestId: 'c8b8a1f2-1111-4c9e-9d1b-0a1b2c3d4e5f',
      _return: true,
      ...(options.withRuleSet === false
        ? {}
        : { securityGroupRuleSet: ruleSet(permissions, egress) }),
    },
  });
}

/** The legacy single-rule form of AuthorizeSecurityGroupIngress: CidrIp/IpProtocol/FromPort/ToPort at the top. */
function authorizeFlat(
  cidrIp: string,
  protocol: string,
  from: number | string,
  to: number | string,
) {
  return cloudTrailEvent({
    eventSource: EC2,
    eventName: 'AuthorizeSecurityGroupIngress',
    requestParameters: { groupId: GROUP, ipProtocol: protocol, fromPort: from, toPort: to, cidrIp },
    responseElements: { requestId: 'd1e2f3a4-2222-4c9e-9d1b-0a1b2c3d4e5f', _return: true },
  });
}

/** ModifySecurityGroupRules as EC2 logs it: the request wrapped, each update `{SecurityGroupRuleId, SecurityGroupRule}`. */
function modify(rules: readonly Record<string, unknown>[], region = 'us-east-1') {
  const updates = rules.map((rule, i) => ({
    SecurityGroupRuleId: `sgr-0${String(i + 1).padStart(16, 'a')}`,
    SecurityGroupRule: rule,
    tag: i + 1,
  }));
  return cloudTrailEvent({
    eventSource: EC2,
    eventName: 'ModifySecurityGroupRules',
    awsRegion: region,
    userIdentity: identities.assumedRole('Dev', 'mallory'),
    requestParameters: {
      ModifySecurityGroupRulesRequest: {
        GroupId: GROUP,
        SecurityGroupRule: updates.length === 1 ? updates[0] : updates,
      },
    },
    responseElements: {
      ModifySecurityGroupRulesResponse: {
        requestId: '5b3f0c2e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
        _return: true,
      },
    },
  });
}

/** UpdateSecurityGroupRuleDescriptionsIngress: the permissions are repeated with new descriptions only. */
function describeRules(permissions: readonly Permission[]) {
  return cloudTrailEvent({
    eventSource: EC2,
    eventName: 'UpdateSecurityGroupRuleDescriptionsIngress',
    requestParameters: {
      groupId: GROUP,
      ipPermissions: {
        items: permissions.map((p) => {
          const item = permissionItem(p);
          const ranges = (p.v4 ?? []).map((cidrIp) => ({
            cidrIp,
            description: 'bastion (ticket 4411)',
          }));
          return { ...item, ipRanges: { items: ranges } };
        }),
      },
    },
    responseElements: { requestId: 'e1f2a3b4-3333-4c9e-9d1b-0a1b2c3d4e5f', _return: true },
  });
}

/** CreateNetworkAclEntry / ReplaceNetworkAclEntry request parameters as CloudTrail logs them. */
function naclEntry(
  entry: Record<string, unknown>,
  eventName: 'CreateNetworkAclEntry' | 'ReplaceNetworkAclEntry' = 'CreateNetworkAclEntry',
) {
  return cloudTrailEvent({
    eventSource: EC2,
    eventName,
    userIdentity: identities.assumedRole('NetworkAdmin', 'dana'),
    requestParameters: {
      networkAclId: 'acl-0123456789abcdef0',
      ruleNumber: 110,
      egress: false,
      ruleAction: 'allow',
      icmpTypeCode: {},
      portRange: { from: 22, to: 22 },
      aclProtocol: '6',
      ...entry,
    },
    responseElements: { requestId: 'f1a2b3c4-4444-4c9e-9d1b-0a1b2c3d4e5f', _return: true },
  });
}

const entries = (cidrs: readonly string[]) =>
  cidrs.map((Cidr, i) => ({ Cidr, Description: `range ${i + 1}`, tag: i + 1 }));

/** CreateManagedPrefixList: entries in the request (`Entry.N` in the query API). */
function createPrefixList(cidrs: readonly string[]) {
  return cloudTrailEvent({
    eventSource: EC2,
    eventName: 'CreateManagedPrefixList',
    requestParameters: {
      CreateManagedPrefixListRequest: {
        PrefixListName: 'partner-ranges',
        AddressFamily: 'IPv4',
        MaxEntries: 20,
        Entry: entries(cidrs),
        ClientToken: '3f1c0d3e-5555-4c9e-9d1b-0a1b2c3d4e5f',
      },
    },
    responseElements: {
      CreateManagedPrefixListResponse: {
        requestId: '0a1b2c3d-6666-4c9e-9d1b-0a1b2c3d4e5f',
        prefixList: {
          prefixListId: CUSTOMER_LIST,
          addressFamily: 'IPv4',
          state: 'create-in-progress',
          prefixListArn: `arn:aws:ec2:us-east-1:${ACCOUNT}:prefix-list/${CUSTOMER_LIST}`,
          prefixListName: 'partner-ranges',
          maxEntries: 20,
          version: 1,
          ownerId: ACCOUNT,
        },
      },
    },
  });
}

/** ModifyManagedPrefixList: entries added (`AddEntry.N`) and removed (`RemoveEntry.N`). */
function modifyPrefixList(add: readonly string[], remove: readonly string[] = []) {
  return cloudTrailEvent({
    eventSource: EC2,
    eventName: 'ModifyManagedPrefixList',
    requestParameters: {
      ModifyManagedPrefixListRequest: {
        PrefixListId: CUSTOMER_LIST,
        CurrentVersion: 3,
        ...(add.length > 0 ? { AddEntry: entries(add) } : {}),
        ...(remove.length > 0
          ? { RemoveEntry: remove.map((Cidr, i) => ({ Cidr, tag: i + 1 })) }
          : {}),
      },
    },
    responseElements: {
      ModifyManagedPrefixListResponse: {
        requestId: '1b2c3d4e-7777-4c9e-9d1b-0a1b2c3d4e5f',
        prefixList: {
          prefixListId: CUSTOMER_LIST,
          state: 'modify-in-progress',
          version: 3,
          ownerId: ACCOUNT,
        },
      },
    },
  });
}

/** Every public /8 of IPv4 written out, as a rule generator would. */
const PUBLIC_SLASH_8S = Array.from({ length: 223 }, (_, i) => i + 1)
  .filter((a) => a !== 10 && a !== 127)
  .map((a) => `${a}.0.0.0/8`);

const SG_WORLD = 'security-group-open-to-world';
const SG_MODIFIED = 'security-group-rule-modified-to-world';
const NACL = 'network-acl-permissive-entry';
const PREFIX_LIST = 'managed-prefix-list-opened-to-world';

const cases: readonly EvasionCase[] = [
  {
    name: 'SSH to 0.0.0.0/1 and 128.0.0.0/1 in one permission',
    evasion: authorize([{ ...tcp(22), v4: ['0.0.0.0/1', '128.0.0.0/1'] }]),
    control: authorize([{ ...tcp(22), v4: ['10.0.0.0/9', '10.128.0.0/9'] }]),
    detector: SG_WORLD,
    severity: 'critical',
  },
  {
    name: 'SSH halves split over two permission items',
    evasion: authorize([
      { ...tcp(22), v4: ['0.0.0.0/1'] },
      { ...tcp(20, 25), v4: ['128.0.0.0/1'] },
    ]),
    control: authorize([
      { ...tcp(22), v4: ['172.16.0.0/13'] },
      { ...tcp(22), v4: ['172.24.0.0/13'] },
    ]),
    detector: SG_WORLD,
    severity: 'critical',
  },
  {
    name: 'RDP to 2000::/3, the whole global unicast IPv6 internet',
    evasion: authorize([{ ...tcp(3389), v6: ['2000::/3'] }]),
    control: authorize([{ ...tcp(3389), v6: ['2001:db8:1234::/48'] }]),
    detector: SG_WORLD,
    severity: 'critical',
  },
  {
    name: 'all traffic to ::/1 and 8000::/1',
    evasion: authorize([{ protocol: '-1', v6: ['::/1', '8000::/1'] }]),
    control: authorize([{ protocol: '-1', v6: ['fc00::/7'] }]),
    detector: SG_WORLD,
    severity: 'critical',
  },
  {
    name: 'SSH to 0.0.0.0/00 (request only)',
    evasion: authorize([{ ...tcp(22), v4: ['0.0.0.0/00'] }], { withRuleSet: false }),
    control: authorize([{ ...tcp(22), v4: ['10.0.0.0/08'] }], { withRuleSet: false }),
    detector: SG_WORLD,
    severity: 'critical',
  },
  {
    name: 'all traffic to an uncompressed all-zero IPv6 /0 (request only)',
    evasion: authorize([{ protocol: '-1', v6: ['0000:0000:0000:0000:0000:0000:0000:0000/0'] }], {
      withRuleSet: false,
    }),
    control: authorize([{ protocol: '-1', v6: ['fd12:3456:789a:0001:0000:0000:0000:0000/64'] }], {
      withRuleSet: false,
    }),
    detector: SG_WORLD,
    severity: 'critical',
  },
  {
    name: 'SSH to IPv4-mapped ::ffff:0.0.0.0/96 (request only)',
    evasion: authorize([{ ...tcp(22), v6: ['::ffff:0.0.0.0/96'] }], { withRuleSet: false }),
    control: authorize([{ ...tcp(22), v6: ['::ffff:10.0.0.0/104'] }], { withRuleSet: false }),
    detector: SG_WORLD,
    severity: 'critical',
  },
  {
    name: 'protocol "6" with string ports spanning 22',
    evasion: authorize([{ protocol: '6', from: '20', to: '30', v4: ['0.0.0.0/0'] }], {
      withRuleSet: false,
    }),
    control: authorize([{ protocol: '6', from: '8000', to: '8100', v4: ['10.0.0.0/16'] }], {
      withRuleSet: false,
    }),
    detector: SG_WORLD,
    severity: 'critical',
  },
  {
    name: 'three /2s (three quarters of the internet) on the low ports',
    evasion: authorize([{ ...tcp(1, 1024), v4: ['0.0.0.0/2', '64.0.0.0/2', '128.0.0.0/2'] }]),
    control: authorize([{ ...tcp(443), v4: ['0.0.0.0/2', '64.0.0.0/2', '128.0.0.0/2'] }]),
    detector: SG_WORLD,
    severity: 'critical',
  },
  {
    name: 'every public /8 written out on SSH',
    evasion: authorize([{ ...tcp(22), v4: PUBLIC_SLASH_8S }]),
    control: authorize([{ protocol: '-1', v4: PUBLIC_SLASH_8S }], { egress: true }),
    detector: SG_WORLD,
    severity: 'critical',
  },
  {
    name: 'legacy flat form with the lower half of the internet',
    evasion: authorizeFlat('0.0.0.0/1', 'tcp', '22', '22'),
    control: authorizeFlat('192.168.0.0/16', 'tcp', '22', '22'),
    detector: SG_WORLD,
    severity: 'critical',
  },
  {
    name: 'a public /4 on SSH: not the internet, still far too wide',
    evasion: authorize([{ ...tcp(22), v4: ['64.0.0.0/4'] }]),
    control: authorize([{ ...tcp(22), v4: ['198.51.0.0/16'] }]),
    detector: SG_WORLD,
    severity: 'high',
  },
  {
    name: 'SSH through a customer prefix list whose entries the record does not show',
    evasion: authorize([{ ...tcp(22), prefixLists: [CUSTOMER_LIST] }]),
    control: authorize([{ ...tcp(8080), prefixLists: [CLOUDFRONT_US_EAST_1] }]),
    detector: SG_WORLD,
    severity: 'medium',
  },
  {
    name: 'ModifySecurityGroupRules: two rules widened to the two halves',
    evasion: modify([
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '0.0.0.0/1' },
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '128.0.0.0/1' },
    ]),
    control: modify([
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '10.0.0.0/9' },
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '10.128.0.0/9' },
    ]),
    detector: SG_MODIFIED,
    severity: 'high',
  },
  {
    name: 'ModifySecurityGroupRules: protocol "6", string ports, 2000::/3',
    evasion: modify([{ IpProtocol: '6', FromPort: '3389', ToPort: '3389', CidrIpv6: '2000::/3' }]),
    control: modify([
      { IpProtocol: '6', FromPort: '3389', ToPort: '3389', CidrIpv6: '2001:db8:1234:5600::/56' },
    ]),
    detector: SG_MODIFIED,
    severity: 'high',
  },
  {
    name: 'ModifySecurityGroupRules: SSH moved to a customer prefix list',
    evasion: modify([{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, PrefixListId: CUSTOMER_LIST }]),
    control: modify(
      [{ IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, PrefixListId: CLOUDFRONT_EU_WEST_1 }],
      'eu-west-1',
    ),
    detector: SG_MODIFIED,
    severity: 'medium',
  },
  {
    name: 'ModifySecurityGroupRules: new description and 0.0.0.0/00, vs a description-only update',
    evasion: modify([
      { IpProtocol: '-1', FromPort: -1, ToPort: -1, CidrIpv4: '0.0.0.0/00', Description: 'tmp' },
    ]),
    control: describeRules([{ ...tcp(22), v4: ['0.0.0.0/0'] }]),
    detector: SG_MODIFIED,
    severity: 'high',
  },
  {
    name: 'network ACL: SSH from the lower half of the internet',
    evasion: naclEntry({ cidrBlock: '0.0.0.0/1' }),
    control: naclEntry({ cidrBlock: '10.0.0.0/8' }),
    detector: NACL,
    severity: 'high',
  },
  {
    name: 'network ACL: all traffic from 2000::/3',
    evasion: naclEntry({ aclProtocol: '-1', portRange: {}, ipv6CidrBlock: '2000::/3' }),
    control: naclEntry({
      aclProtocol: '-1',
      portRange: {},
      ipv6CidrBlock: '2000::/3',
      ruleAction: 'deny',
    }),
    detector: NACL,
    severity: 'medium',
  },
  {
    name: 'network ACL: RDP from an uncompressed ::/0 with string ports',
    evasion: naclEntry({
      portRange: { from: '3389', to: '3389' },
      ipv6CidrBlock: '0000:0000:0000:0000:0000:0000:0000:0000/0',
    }),
    control: naclEntry({
      egress: true,
      portRange: { from: '3389', to: '3389' },
      ipv6CidrBlock: '0000:0000:0000:0000:0000:0000:0000:0000/0',
    }),
    detector: NACL,
    severity: 'high',
  },
  {
    name: 'network ACL entry replaced with SSH from 0.0.0.0/00',
    evasion: naclEntry({ cidrBlock: '0.0.0.0/00' }, 'ReplaceNetworkAclEntry'),
    control: naclEntry(
      { cidrBlock: '0.0.0.0/00', portRange: { from: 443, to: 443 } },
      'ReplaceNetworkAclEntry',
    ),
    detector: NACL,
    severity: 'high',
  },
  {
    name: 'a prefix list created with the two halves of the internet',
    evasion: createPrefixList(['0.0.0.0/1', '128.0.0.0/1']),
    control: createPrefixList(['10.0.0.0/16', '10.2.0.0/16']),
    detector: PREFIX_LIST,
    severity: 'medium',
  },
  {
    name: 'a prefix list given 0.0.0.0/0, vs one that loses it',
    evasion: modifyPrefixList(['0.0.0.0/0']),
    control: modifyPrefixList(['198.51.100.7/32'], ['0.0.0.0/0']),
    detector: PREFIX_LIST,
    severity: 'medium',
  },
];

describe('network exposure evasions', () => {
  for (const c of cases) {
    it(`catches: ${c.name}`, () => expectCaught(c));
    it(`stays quiet on the near-miss of: ${c.name}`, () => expectQuiet(c));
  }
});
