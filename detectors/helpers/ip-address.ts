/**
 * `sourceIPAddress` as CloudTrail writes it: an IPv4 or IPv6 address, but also
 * `AWS Internal`, a service name (`ec2.amazonaws.com`) or anything a forged
 * record carries. These helpers parse strictly and never throw.
 */

/** Longer than any textual IP address (45 chars for IPv4-mapped IPv6): not one. */
const MAX_ADDRESS_CHARS = 64;

/** A parsed address: four octets, or eight 16-bit groups. */
export type IpAddress =
  | { readonly family: 4; readonly octets: readonly number[] }
  | { readonly family: 6; readonly groups: readonly number[] };

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

function parseV4(text: string): number[] | undefined {
  const m = IPV4.exec(text);
  if (!m) return undefined;
  const octets = m.slice(1).map(Number);
  return octets.every((o) => o <= 255) ? octets : undefined;
}

function parseGroups(part: string): number[] | undefined {
  if (part === '') return [];
  const groups: number[] = [];
  for (const g of part.split(':')) {
    if (!HEX_GROUP.test(g)) return undefined;
    groups.push(Number.parseInt(g, 16));
  }
  return groups;
}

function parseV6(text: string): number[] | undefined {
  let body = text;
  // An embedded IPv4 tail (`::ffff:192.0.2.1`) stands for the last two groups.
  let tail: number[] | undefined;
  const lastColon = body.lastIndexOf(':');
  if (body.includes('.', lastColon)) {
    const v4 = parseV4(body.slice(lastColon + 1));
    if (!v4) return undefined;
    const [a = 0, b = 0, c = 0, d = 0] = v4;
    tail = [(a << 8) | b, (c << 8) | d];
    body = `${body.slice(0, lastColon + 1)}0:0`;
  }
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0] ?? '');
  const rest = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (!head || !rest) return undefined;
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...new Array<number>(missing).fill(0), ...rest];
  if (tail) groups.splice(6, 2, ...tail);
  return groups;
}

/**
 * Parses a textual IP address. IPv4-mapped IPv6 addresses (`::ffff:a.b.c.d`)
 * come back as IPv4, since that is the client that connected. Undefined for
 * anything else, including `AWS Internal` and service host names.
 */
export function parseIp(value: unknown): IpAddress | undefined {
  const ip = parseIpLiteral(value);
  if (ip?.family !== 6) return ip;
  const { groups } = ip;
  const isMapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (isMapped) {
    const [hi = 0, lo = 0] = groups.slice(6);
    return { family: 4, octets: [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff] };
  }
  return ip;
}

/**
 * Parses a textual IP address as written: unlike {@link parseIp}, an IPv4-mapped
 * IPv6 address stays IPv6, which prefix arithmetic on CIDR blocks needs.
 */
export function parseIpLiteral(value: unknown): IpAddress | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ADDRESS_CHARS) {
    return undefined;
  }
  const text = value.trim();
  const v4 = parseV4(text);
  if (v4) return { family: 4, octets: v4 };
  if (!text.includes(':')) return undefined;
  const groups = parseV6(text);
  return groups ? { family: 6, groups } : undefined;
}

function isNonPublicV4([a = 0, b = 0]: readonly number[]): boolean {
  return (
    a === 0 || // "this network"
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // shared address space; VPCs may use it too
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    a >= 224 // multicast and reserved
  );
}

function isNonPublicV6(groups: readonly number[]): boolean {
  const first = groups[0] ?? 0;
  if (groups.every((g, i) => g === 0 || (i === 7 && g === 1))) return true; // :: and ::1
  return (
    (first & 0xfe00) === 0xfc00 || // unique local fc00::/7
    (first & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (first & 0xff00) === 0xff00 // multicast
  );
}

/**
 * True for an address a client on the internet could have: not private,
 * loopback, link-local, shared (100.64.0.0/10), unspecified or multicast.
 * The documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24,
 * 2001:db8::/32) count as public: they never occur in real records, and
 * examples need public-looking addresses that are safe to publish.
 */
export function isPublicAddress(ip: IpAddress): boolean {
  return ip.family === 4 ? !isNonPublicV4(ip.octets) : !isNonPublicV6(ip.groups);
}

/** {@link isPublicAddress} for a raw `sourceIPAddress`; false when it is not an address. */
export function isPublicIp(value: unknown): boolean {
  const ip = parseIp(value);
  return ip !== undefined && isPublicAddress(ip);
}

/** One spelling per address (`2001:DB8::1` and `2001:db8:0::1` agree), for counting distinct ones. */
export function formatIp(ip: IpAddress): string {
  return ip.family === 4 ? ip.octets.join('.') : ip.groups.map((g) => g.toString(16)).join(':');
}

/**
 * The network an address belongs to, coarse enough that a home or office
 * connection keeps one value as its last octet or interface id changes:
 * `a.b.c.0/24` for IPv4, the /48 site prefix for IPv6. Anything that is not
 * an address comes back trimmed and lower-cased, so `AWS Internal` stays a key.
 */
export function ipPrefix(value: unknown): string | undefined {
  const ip = parseIp(value);
  if (ip?.family === 4) return `${ip.octets.slice(0, 3).join('.')}.0/24`;
  if (ip?.family === 6) {
    return `${ip.groups
      .slice(0, 3)
      .map((g) => g.toString(16))
      .join(':')}::/48`;
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase().slice(0, MAX_ADDRESS_CHARS);
  return text === '' ? undefined : text;
}
