import { parseIp } from '../helpers/ip-address.js';

/**
 * Sets of IP addresses as unions of ranges, so that `0.0.0.0/1` plus
 * `128.0.0.0/1`, `::/0`, `0000::/0` or `::ffff:0:0/96` are all seen for what
 * they are: the whole internet. IPv4-mapped IPv6 blocks count as the IPv4
 * block they map.
 */
type Range = readonly [bigint, bigint];

export interface AddressSet {
  readonly v4: readonly Range[];
  readonly v6: readonly Range[];
}

const V4_BITS = 32n;
const V6_BITS = 128n;

function range(first: bigint, prefix: bigint, bits: bigint): Range {
  const size = 1n << (bits - prefix);
  const start = (first / size) * size;
  return [start, start + size - 1n];
}

function normalise(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: [bigint, bigint][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1n) {
      if (hi > last[1]) last[1] = hi;
    } else {
      out.push([lo, hi]);
    }
  }
  return out;
}

function toBigInt(parts: readonly number[], width: bigint): bigint {
  return parts.reduce((acc, part) => (acc << width) + BigInt(part), 0n);
}

/** One CIDR or bare address, or undefined when it is neither. */
function parseCidr(text: string): { family: 4 | 6; range: Range } | undefined {
  const [address = '', prefixText, extra] = text.trim().split('/');
  if (extra !== undefined) return undefined;
  const ip = parseIp(address);
  if (!ip) return undefined;
  const mapped = ip.family === 4 && address.includes(':');
  const bits = ip.family === 4 ? V4_BITS : V6_BITS;
  const written = prefixText === undefined ? (mapped ? 128 : Number(bits)) : Number(prefixText);
  if (!/^\d{1,3}$/.test(prefixText ?? '0') || !Number.isInteger(written)) return undefined;
  const prefix = BigInt(mapped ? written - 96 : written);
  if (prefix < 0n || prefix > bits) return undefined;
  const value = ip.family === 4 ? toBigInt(ip.octets, 8n) : toBigInt(ip.groups, 16n);
  return { family: ip.family, range: range(value, prefix, bits) };
}

/** The addresses the CIDR values name; values that are not CIDRs name none. */
export function addressSet(values: readonly string[]): AddressSet {
  const v4: Range[] = [];
  const v6: Range[] = [];
  for (const value of values) {
    const cidr = parseCidr(value);
    if (cidr) (cidr.family === 4 ? v4 : v6).push(cidr.range);
  }
  return { v4: normalise(v4), v6: normalise(v6) };
}

function subtract(from: readonly Range[], remove: readonly Range[]): Range[] {
  let current: Range[] = [...from];
  for (const [rlo, rhi] of remove) {
    const next: Range[] = [];
    for (const [lo, hi] of current) {
      if (rhi < lo || rlo > hi) {
        next.push([lo, hi]);
        continue;
      }
      if (rlo > lo) next.push([lo, rlo - 1n]);
      if (rhi < hi) next.push([rhi + 1n, hi]);
    }
    current = next;
  }
  return current;
}

function size(ranges: readonly Range[]): bigint {
  return ranges.reduce((acc, [lo, hi]) => acc + (hi - lo + 1n), 0n);
}

/** Addresses no client on the internet has: private, loopback, link-local, shared, multicast, reserved. */
const NOT_PUBLIC_V4 = addressSet([
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '224.0.0.0/3',
]).v4;
const ALL_V4: Range = [0n, (1n << V4_BITS) - 1n];
const PUBLIC_V4 = subtract([ALL_V4], NOT_PUBLIC_V4);
/** Global unicast: every other IPv6 block is reserved, unique-local, link-local or multicast. */
const PUBLIC_V6 = addressSet(['2000::/3']).v6;

/**
 * How much public address space an outsider must be able to pick from before a
 * condition stops restricting them: a /8 of IPv4 (the size of one cloud
 * provider's block: anyone can rent an address there) or a /24 of IPv6. An
 * office range is far smaller; `0.0.0.0/1` is far larger.
 */
const REACHABLE_V4 = 1n << 24n;
const REACHABLE_V6 = 1n << 104n;

function publicPart(set: AddressSet): AddressSet {
  return {
    v4: subtract(set.v4, subtract([ALL_V4], PUBLIC_V4)),
    v6: subtract(set.v6, subtract([[0n, (1n << V6_BITS) - 1n]], PUBLIC_V6)),
  };
}

/** True when an outsider can get a public address inside `set`. */
export function outsiderCanBeIn(set: AddressSet): boolean {
  const pub = publicPart(set);
  return size(pub.v4) >= REACHABLE_V4 || size(pub.v6) >= REACHABLE_V6;
}

/** True when an outsider can get a public address outside `set`. */
export function outsiderCanBeOutside(set: AddressSet): boolean {
  return (
    size(subtract(PUBLIC_V4, set.v4)) >= REACHABLE_V4 ||
    size(subtract(PUBLIC_V6, set.v6)) >= REACHABLE_V6
  );
}

/** True when the address is in the set: concrete evaluation of `IpAddress`. */
export function addressIn(set: AddressSet, address: string): boolean {
  const ip = parseIp(address);
  if (!ip) return false;
  const value = ip.family === 4 ? toBigInt(ip.octets, 8n) : toBigInt(ip.groups, 16n);
  return (ip.family === 4 ? set.v4 : set.v6).some(([lo, hi]) => value >= lo && value <= hi);
}
