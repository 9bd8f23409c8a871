import { SEVERITY_RANK, type Severity } from '../types.js';
import { type CidrBlock, coverageOfBlocks, parseCidr } from './address-coverage.js';
import { awsManagedPrefixList } from './prefix-lists.js';
import { ADMIN_PORTS, type SecurityGroupRule } from './security-group-rules.js';

/**
 * What a set of security group rules exposes, judged over all the rules of one
 * call together: two rules for port 22, one from `0.0.0.0/1` and one from
 * `128.0.0.0/1`, open SSH to the internet although neither does alone. Ports are
 * cut into segments at every rule's edges, and each segment's sources are the
 * union of the rules that cover it.
 */

/**
 * Who can reach the ports: `internet` and `wide` as address-coverage.ts defines
 * them; `prefix-list` when the only broad source is a prefix list the record
 * cannot show the entries of (AWS-managed lists such as CloudFront's are not counted).
 */
export type SourceReach = 'internet' | 'wide' | 'prefix-list';

/**
 * How bad the ports are: `admin` reaches a remote-administration or database
 * port (or every port), `other` any port but the two below. 80 or 443 alone
 * ("web") and ICMP are what a public load balancer needs, and never reported.
 */
export type PortExposure = 'admin' | 'other';

export interface OpenPorts {
  readonly reach: SourceReach;
  readonly exposure: PortExposure;
  /** `tcp` or `udp`, or `all` when only all-traffic rules open the ports. */
  readonly protocol: string;
  readonly fromPort: number;
  readonly toPort: number;
  /** The sources that together open the ports, as written. */
  readonly sources: readonly string[];
}

const WEB_PORTS = new Set([80, 443]);

function portExposure(fromPort: number, toPort: number): PortExposure | undefined {
  if (ADMIN_PORTS.some((p) => p >= fromPort && p <= toPort)) return 'admin';
  if (fromPort === toPort && WEB_PORTS.has(fromPort)) return undefined;
  return 'other';
}

interface Parsed {
  readonly rule: SecurityGroupRule;
  readonly block: CidrBlock | undefined;
  /** A prefix list whose entries are unknown. */
  readonly unknownList: boolean;
}

function parse(rule: SecurityGroupRule): Parsed | undefined {
  if (rule.sourceKind === 'prefix-list') {
    return awsManagedPrefixList(rule.source)
      ? undefined
      : { rule, block: undefined, unknownList: true };
  }
  const block = parseCidr(rule.source);
  return block ? { rule, block, unknownList: false } : undefined;
}

/** Port segments: every rule's start and end+1 cut the 0-65535 line. */
function segments(rules: readonly Parsed[]): [number, number][] {
  const edges = new Set<number>();
  for (const { rule } of rules) {
    edges.add(rule.fromPort);
    edges.add(rule.toPort + 1);
  }
  const sorted = [...edges].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < sorted.length; i += 1) {
    out.push([sorted[i] as number, (sorted[i + 1] as number) - 1]);
  }
  return out;
}

function openingsFor(protocol: 'tcp' | 'udp', parsed: readonly Parsed[]): OpenPorts[] {
  const rules = parsed.filter((p) => p.rule.protocol === protocol || p.rule.protocol === 'all');
  const out: OpenPorts[] = [];
  for (const [fromPort, toPort] of segments(rules)) {
    const exposure = portExposure(fromPort, toPort);
    if (!exposure) continue;
    const covering = rules.filter((p) => p.rule.fromPort <= fromPort && p.rule.toPort >= toPort);
    if (covering.length === 0) continue;
    const blocks = covering.flatMap((p) => (p.block ? [p.block] : []));
    const cidrReach = coverageOfBlocks(blocks).reach;
    const lists = covering.filter((p) => p.unknownList);
    const reach: SourceReach | undefined =
      cidrReach !== 'narrow' ? cidrReach : lists.length > 0 ? 'prefix-list' : undefined;
    if (!reach) continue;
    const counted = reach === 'prefix-list' ? lists : covering.filter((p) => p.block);
    const onlyAllTraffic = counted.every((p) => p.rule.protocol === 'all');
    out.push({
      reach,
      exposure,
      protocol: onlyAllTraffic ? 'all' : protocol,
      fromPort,
      toPort,
      sources: [...new Set(counted.map((p) => p.rule.source))],
    });
  }
  return out;
}

/**
 * Every port range the rules open to the internet, to a wide public range, or
 * to a prefix list of unknown content. ICMP is left out: ping is not a door.
 */
export function openPortsOf(rules: readonly SecurityGroupRule[]): OpenPorts[] {
  const parsed = rules.flatMap((r) => {
    const p = parse(r);
    return p ? [p] : [];
  });
  return [...openingsFor('tcp', parsed), ...openingsFor('udp', parsed)];
}

const MAX_LISTED_SOURCES = 3;

/** `tcp 22 from 0.0.0.0/1, 128.0.0.0/1`, `all traffic from 2000::/3 and 4 more`. */
export function describeOpening(open: OpenPorts): string {
  const ports =
    open.fromPort === 0 && open.toPort === 65535
      ? 'all ports'
      : open.fromPort === open.toPort
        ? `${open.fromPort}`
        : `${open.fromPort}-${open.toPort}`;
  const what = open.protocol === 'all' ? 'all traffic' : `${open.protocol} ${ports}`;
  const listed = open.sources.slice(0, MAX_LISTED_SOURCES).join(', ');
  const more = open.sources.length - MAX_LISTED_SOURCES;
  return `${what} from ${listed}${more > 0 ? ` and ${more} more` : ''}`;
}

/** Words for who can now connect. */
export function describeReach(reach: SourceReach): string {
  if (reach === 'internet') return 'the internet';
  if (reach === 'wide') return 'a wide public address range';
  return 'a prefix list whose entries the record does not show';
}

/** A detector's severity for each kind of source and port. */
export type ExposureSeverities = Readonly<
  Record<SourceReach, Readonly<Record<PortExposure, Severity>>>
>;

/** The opening that weighs most under `severities` (the first of equals), or undefined. */
export function worstOpening(
  openings: readonly OpenPorts[],
  severities: ExposureSeverities,
): OpenPorts | undefined {
  let found: OpenPorts | undefined;
  for (const open of openings) {
    const rank = SEVERITY_RANK[severities[open.reach][open.exposure]];
    if (!found || rank > SEVERITY_RANK[severities[found.reach][found.exposure]]) found = open;
  }
  return found;
}
