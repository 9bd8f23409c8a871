import type { CloudTrailEvent } from '../types.js';
import { asArray, asString, getPath, isTrue } from './fields.js';
import { isWorldCidr } from './network.js';

/** One ingress rule reduced to what exposure depends on. */
export interface IngressRule {
  /** `tcp`, `udp`, `icmp`, `icmpv6`, or `all` (protocol -1 or any other number: every port). */
  readonly protocol: string;
  /** Inclusive port range; 0-65535 when the rule covers every port or the range is unreadable. */
  readonly fromPort: number;
  readonly toPort: number;
  readonly cidr: string;
}

/**
 * How bad a world-open rule is: `admin` reaches a remote-administration or
 * database port (or every port), `web` is 80/443 only, `icmp` is ping and friends.
 */
export type Exposure = 'admin' | 'other' | 'web' | 'icmp';

/**
 * Remote administration, file sharing, databases and the Docker API: services
 * that should never face the internet directly.
 */
export const ADMIN_PORTS: readonly number[] = [
  21, 22, 23, 445, 3389, 5985, 5986, 1433, 1521, 3306, 5432, 6379, 9200, 27017, 2375, 2376,
];

const WEB_PORTS = new Set([80, 443]);
const ALL_PORTS = { fromPort: 0, toPort: 65535 } as const;

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
  if (fromPort < 0 || toPort < 0 || fromPort > toPort) return ALL_PORTS;
  return { fromPort, toPort };
}

/** EC2 wraps lists as `{items: [...]}`; SDK-shaped input uses plain arrays. */
function listItems(value: unknown): unknown[] {
  const inner = getPath(value, 'items');
  return asArray(inner === undefined ? value : inner);
}

function cidrsOf(permission: unknown): string[] {
  const v4 = listItems(getPath(permission, 'ipRanges')).map((r) =>
    typeof r === 'string' ? r : getPath(r, 'cidrIp'),
  );
  const v6 = listItems(getPath(permission, 'ipv6Ranges')).map((r) =>
    typeof r === 'string' ? r : getPath(r, 'cidrIpv6'),
  );
  return [...v4, ...v6].filter((c): c is string => typeof c === 'string');
}

function rule(permission: unknown, cidr: string): IngressRule {
  const protocol = normaliseProtocol(getPath(permission, 'ipProtocol'));
  const range = portRange(protocol, getPath(permission, 'fromPort'), getPath(permission, 'toPort'));
  return { protocol, ...range, cidr };
}

/**
 * The rules an AuthorizeSecurityGroupIngress call added whose source is the
 * whole internet (0.0.0.0/0 or ::/0). Reads every shape CloudTrail has used:
 * `requestParameters.ipPermissions.items[]` (a single permission may be an
 * object), the legacy top-level `cidrIp`/`ipProtocol`/`fromPort`/`toPort` form,
 * and the `responseElements.securityGroupRuleSet.items[]` the API returns since
 * security group rule ids exist (egress entries there are ignored).
 */
export function worldOpenIngressRules(event: CloudTrailEvent): IngressRule[] {
  const request = event.requestParameters;
  const rules: IngressRule[] = [];
  for (const permission of listItems(getPath(request, 'ipPermissions'))) {
    for (const cidr of cidrsOf(permission)) rules.push(rule(permission, cidr));
  }
  const legacyCidr = asString(getPath(request, 'cidrIp'));
  if (legacyCidr !== undefined) rules.push(rule(request, legacyCidr));
  for (const created of listItems(getPath(event.responseElements, 'securityGroupRuleSet'))) {
    if (isTrue(getPath(created, 'isEgress'))) continue;
    const cidr = asString(getPath(created, 'cidrIpv4')) ?? asString(getPath(created, 'cidrIpv6'));
    if (cidr !== undefined) rules.push(rule(created, cidr));
  }
  return rules.filter((r) => isWorldCidr(r.cidr));
}

/** Classifies one rule; see {@link Exposure}. */
export function exposureOf(rule: IngressRule): Exposure {
  if (rule.protocol === 'icmp' || rule.protocol === 'icmpv6') return 'icmp';
  if (ADMIN_PORTS.some((p) => p >= rule.fromPort && p <= rule.toPort)) return 'admin';
  if (rule.fromPort === rule.toPort && WEB_PORTS.has(rule.fromPort)) return 'web';
  return 'other';
}

/** `all traffic`, `tcp 22`, `udp 1000-2000`: a rule's reach in words. */
export function describeRule(rule: IngressRule): string {
  if (rule.protocol === 'all') return 'all traffic';
  if (rule.fromPort === 0 && rule.toPort === 65535) return `${rule.protocol} all ports`;
  const ports =
    rule.fromPort === rule.toPort ? `${rule.fromPort}` : `${rule.fromPort}-${rule.toPort}`;
  return `${rule.protocol} ${ports}`;
}
