import type { CloudTrailEvent } from '../types.js';
import { asString, getPath, isTrue } from './fields.js';
import { listItems } from './request-values.js';

/** One rule a call grants: a protocol, a port range and one source. */
export interface SecurityGroupRule {
  /** `tcp`, `udp`, `icmp`, `icmpv6`, or `all` (protocol -1 or any other number: every port). */
  readonly protocol: string;
  /** Inclusive port range; 0-65535 when the rule covers every port or the range is unreadable. */
  readonly fromPort: number;
  readonly toPort: number;
  /** A CIDR block as written, or a prefix list id (`pl-…`). */
  readonly source: string;
  readonly sourceKind: 'cidr' | 'prefix-list';
}

/** A rule rewritten by ModifySecurityGroupRules, with the id of the rule it replaced. */
export interface ModifiedRule extends SecurityGroupRule {
  readonly ruleId: string | undefined;
}

/**
 * Remote administration, file sharing, databases and the Docker API: services
 * that should never face the internet directly.
 */
export const ADMIN_PORTS: readonly number[] = [
  21, 22, 23, 445, 3389, 5985, 5986, 1433, 1521, 3306, 5432, 6379, 9200, 27017, 2375, 2376,
];

const ALL_PORTS = { fromPort: 0, toPort: 65535 } as const;
/** More rules than one call can carry: the rest of a hostile record is ignored. */
const MAX_RULES = 300;

/** EC2 accepts protocol names or IANA numbers; numbers other than these four open every port. */
const PROTOCOL_NUMBERS: Readonly<Record<string, string>> = {
  '6': 'tcp',
  '17': 'udp',
  '1': 'icmp',
  '58': 'icmpv6',
};

function normaliseProtocol(value: unknown): string {
  const raw = typeof value === 'number' ? String(value) : asString(value)?.trim().toLowerCase();
  if (raw === undefined || raw === '' || raw === '-1' || raw === 'all') return 'all';
  if (raw === 'tcp' || raw === 'udp' || raw === 'icmp' || raw === 'icmpv6') return raw;
  return PROTOCOL_NUMBERS[raw] ?? 'all';
}

function portNumber(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) ? n : undefined;
}

/**
 * The port range a rule opens. A successful TCP/UDP call always carries a valid
 * range, so an unreadable one means odd input: treat it as every port rather
 * than let it slip past.
 */
function portRange(
  protocol: string,
  from: unknown,
  to: unknown,
): { fromPort: number; toPort: number } {
  if (protocol === 'all') return ALL_PORTS;
  const fromPort = portNumber(from);
  const toPort = portNumber(to);
  if (fromPort === undefined || toPort === undefined) return ALL_PORTS;
  if (fromPort < 0 || toPort > 65535 || fromPort > toPort) return ALL_PORTS;
  return { fromPort, toPort };
}

type Source = Pick<SecurityGroupRule, 'source' | 'sourceKind'>;

const cidr = (value: unknown): Source[] => {
  const text = asString(value)?.trim();
  return text ? [{ source: text, sourceKind: 'cidr' }] : [];
};

const prefixList = (value: unknown): Source[] => {
  const text = asString(value)?.trim();
  return text ? [{ source: text, sourceKind: 'prefix-list' }] : [];
};

/** The sources of one `IpPermission`: IPv4 and IPv6 ranges and prefix lists, each its own rule. */
function permissionSources(permission: unknown): Source[] {
  const field = (item: unknown, key: string) =>
    typeof item === 'string' ? item : getPath(item, key);
  return [
    ...listItems(getPath(permission, 'ipRanges')).flatMap((r) => cidr(field(r, 'cidrIp'))),
    ...listItems(getPath(permission, 'ipv6Ranges')).flatMap((r) => cidr(field(r, 'cidrIpv6'))),
    ...listItems(getPath(permission, 'prefixListIds')).flatMap((r) =>
      prefixList(field(r, 'prefixListId')),
    ),
  ];
}

function rulesFor(permission: unknown, sources: readonly Source[]): SecurityGroupRule[] {
  const protocol = normaliseProtocol(getPath(permission, 'ipProtocol'));
  const range = portRange(protocol, getPath(permission, 'fromPort'), getPath(permission, 'toPort'));
  return sources.map((s) => ({ protocol, ...range, ...s }));
}

/** A rule EC2 reports having created (`securityGroupRuleSet` item, also ModifySecurityGroupRules' body). */
function reportedRuleSources(rule: unknown): Source[] {
  return [
    ...cidr(getPath(rule, 'cidrIpv4')),
    ...cidr(getPath(rule, 'cidrIpv6')),
    ...prefixList(getPath(rule, 'prefixListId')),
  ];
}

/**
 * Every address-based rule an AuthorizeSecurityGroupIngress call added, whatever
 * its source. Reads every shape CloudTrail has used:
 * `requestParameters.ipPermissions.items[]` (a single permission may be an
 * object) with `ipRanges`, `ipv6Ranges` and `prefixListIds`, the legacy
 * top-level `cidrIp`/`ipProtocol`/`fromPort`/`toPort` form, and the
 * `responseElements.securityGroupRuleSet.items[]` the API returns since security
 * group rule ids exist (egress entries there are skipped). Rules naming another
 * security group are not address-based and are left out.
 */
export function ingressRulesOf(event: CloudTrailEvent): SecurityGroupRule[] {
  const request = event.requestParameters;
  const rules: SecurityGroupRule[] = [];
  for (const permission of listItems(getPath(request, 'ipPermissions')).slice(0, MAX_RULES)) {
    rules.push(...rulesFor(permission, permissionSources(permission)));
  }
  rules.push(...rulesFor(request, cidr(getPath(request, 'cidrIp'))));
  const created = listItems(getPath(event.responseElements, 'securityGroupRuleSet'));
  for (const rule of created.slice(0, MAX_RULES)) {
    if (isTrue(getPath(rule, 'isEgress'))) continue;
    rules.push(...rulesFor(rule, reportedRuleSources(rule)));
  }
  return rules.slice(0, MAX_RULES);
}

/** The request body: EC2 logs it inside `ModifySecurityGroupRulesRequest`; SDK-shaped input has it bare. */
function modifyRequest(event: CloudTrailEvent): unknown {
  return (
    getPath(event.requestParameters, 'ModifySecurityGroupRulesRequest') ?? event.requestParameters
  );
}

/** The security group a ModifySecurityGroupRules call changed. */
export function modifiedGroupOf(event: CloudTrailEvent): string | undefined {
  return asString(getPath(modifyRequest(event), 'GroupId'));
}

/**
 * Every address-based rule a ModifySecurityGroupRules call rewrote. The record
 * lists each update (a single one as an object) under `SecurityGroupRule`
 * (`SecurityGroupRules` in SDK shape) as `{SecurityGroupRuleId,
 * SecurityGroupRule: {IpProtocol, FromPort, ToPort, CidrIpv4 | CidrIpv6 |
 * PrefixListId | ReferencedGroupId, Description}}`. It does not say whether the
 * rule is ingress or egress: callers must weigh that.
 */
export function modifiedRulesOf(event: CloudTrailEvent): ModifiedRule[] {
  const request = modifyRequest(event);
  const updates = getPath(request, 'SecurityGroupRule') ?? getPath(request, 'SecurityGroupRules');
  const rules: ModifiedRule[] = [];
  for (const update of listItems(updates).slice(0, MAX_RULES)) {
    const body = getPath(update, 'SecurityGroupRule');
    const ruleId = asString(getPath(update, 'SecurityGroupRuleId'));
    for (const rule of rulesFor(body, reportedRuleSources(body))) rules.push({ ...rule, ruleId });
  }
  return rules;
}
