import { type Reach, reachOf } from './address-coverage.js';
import { asString, getPath, isTrue } from './fields.js';
import { ADMIN_PORTS } from './security-group-rules.js';

/** A network ACL entry as CreateNetworkAclEntry / ReplaceNetworkAclEntry log it. */
export interface NaclEntry {
  readonly egress: boolean;
  readonly allow: boolean;
  /** The IPv4 or IPv6 block the entry matches, if any. */
  readonly cidr: string | undefined;
  /** `all` (protocol -1), `tcp`, `udp`, `icmp`, `icmpv6`, or `other` (another IP protocol). */
  readonly protocol: string;
  /** Inclusive port range; 0-65535 for all traffic or an unreadable range. */
  readonly fromPort: number;
  readonly toPort: number;
}

const PROTOCOLS: Readonly<Record<string, string>> = {
  '-1': 'all',
  all: 'all',
  '6': 'tcp',
  tcp: 'tcp',
  '17': 'udp',
  udp: 'udp',
  '1': 'icmp',
  icmp: 'icmp',
  '58': 'icmpv6',
  icmpv6: 'icmpv6',
};

function protocolOf(value: unknown): string {
  const raw = typeof value === 'number' ? String(value) : asString(value)?.trim().toLowerCase();
  if (raw === undefined || raw === '') return 'all';
  return PROTOCOLS[raw] ?? 'other';
}

function port(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 65535 ? n : undefined;
}

/**
 * Reads the entry from `requestParameters`. A TCP/UDP entry without a readable
 * port range is read as every port, so odd input errs towards an alert.
 */
export function naclEntryOf(requestParameters: unknown): NaclEntry {
  const protocol = protocolOf(getPath(requestParameters, 'aclProtocol'));
  const from = port(getPath(requestParameters, 'portRange', 'from'));
  const to = port(getPath(requestParameters, 'portRange', 'to'));
  const ported = protocol === 'tcp' || protocol === 'udp';
  const readable = ported && from !== undefined && to !== undefined && from <= to;
  const cidr =
    asString(getPath(requestParameters, 'cidrBlock')) ??
    asString(getPath(requestParameters, 'ipv6CidrBlock'));
  return {
    egress: isTrue(getPath(requestParameters, 'egress')),
    allow: asString(getPath(requestParameters, 'ruleAction'))?.trim().toLowerCase() === 'allow',
    cidr,
    protocol,
    fromPort: readable ? from : 0,
    toPort: readable ? to : 65535,
  };
}

/**
 * What an inbound allow entry from the internet opens: `all` (every protocol or
 * every port), `admin` (a range reaching a remote-administration or database
 * port), or nothing (web ports, ICMP, other protocols). Ranges from 1024 up to
 * 65535 are the return-traffic ("ephemeral") ports a stateless ACL must allow
 * for outbound connections to work; they are not an exposure on their own.
 */
export type NaclExposure = 'all' | 'admin';

export interface NaclOpening {
  readonly exposure: NaclExposure;
  /** How much of the internet the entry's block covers; see address-coverage.ts. */
  readonly reach: Exclude<Reach, 'narrow'>;
}

function exposureOf(entry: NaclEntry): NaclExposure | undefined {
  if (entry.protocol === 'all') return 'all';
  if (entry.protocol !== 'tcp' && entry.protocol !== 'udp') return undefined;
  if (entry.fromPort <= 1 && entry.toPort === 65535) return 'all';
  if (entry.fromPort >= 1024 && entry.toPort === 65535) return undefined;
  return ADMIN_PORTS.some((p) => p >= entry.fromPort && p <= entry.toPort) ? 'admin' : undefined;
}

/**
 * The exposure of an inbound allow entry whose block is the internet (any
 * spelling of /0, or half the public space such as `0.0.0.0/1` or `2000::/3`)
 * or a wide public range (a /8 or more); undefined otherwise.
 */
export function naclOpening(entry: NaclEntry): NaclOpening | undefined {
  if (entry.egress || !entry.allow) return undefined;
  const reach = reachOf([entry.cidr]);
  if (reach === 'narrow') return undefined;
  const exposure = exposureOf(entry);
  return exposure ? { exposure, reach } : undefined;
}
