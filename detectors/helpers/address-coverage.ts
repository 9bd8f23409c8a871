import { parseIpLiteral } from './ip-address.js';

/**
 * How much of the internet a set of CIDR blocks lets in, judged as a union of
 * address ranges rather than by spelling: `0.0.0.0/0`, `0.0.0.0/00`, `::/0`,
 * `0000:…:0000/0`, `::ffff:0.0.0.0/96`, `0.0.0.0/1` + `128.0.0.0/1` and the
 * public /8s written out one by one are all the internet.
 *
 * The rule: a set is `internet` when it covers at least half of the public
 * unicast IPv4 space, or at least half of IPv6 global unicast (`2000::/3`, all
 * of which is the IPv6 internet); `wide` when it covers at least 1/256 of either
 * (a /8 of IPv4, a /11 of IPv6: far more than any office, partner or cloud
 * range one would trust); `narrow` otherwise. Half, not all, because an
 * attacker who opens a port to 57% of the internet has opened it to the
 * internet, and a rule must not be beaten by leaving out one block.
 */
export type Reach = 'internet' | 'wide' | 'narrow';

export interface AddressCoverage {
  readonly reach: Reach;
  /** Share of public unicast IPv4 covered, 0..1. */
  readonly v4: number;
  /** Share of IPv6 global unicast (2000::/3) covered, 0..1. */
  readonly v6: number;
}

type Range = readonly [bigint, bigint];

/** More blocks than any one EC2 call or ACL carries: the rest of a hostile record is ignored. */
const MAX_BLOCKS = 2000;
/** `internet` from half of the public space, `wide` from 1/256 of it. */
const INTERNET_DIVISOR = 2n;
const WIDE_DIVISOR = 256n;

/** A parsed CIDR block, host bits cleared (AWS canonicalises `100.68.0.18/18` the same way). */
export interface CidrBlock {
  readonly family: 4 | 6;
  readonly first: bigint;
  readonly last: bigint;
}

const PREFIX = /^\d{1,3}$/;

function toBigInt(parts: readonly number[], width: bigint): bigint {
  return parts.reduce((acc, part) => (acc << width) | BigInt(part), 0n);
}

function block(family: 4 | 6, value: bigint, prefix: number): CidrBlock {
  const bits = family === 4 ? 32n : 128n;
  const size = 1n << (bits - BigInt(prefix));
  const first = (value / size) * size;
  return { family, first, last: first + size - 1n };
}

/** `::ffff:0:0/96`: IPv4 addresses written as IPv6. */
const MAPPED_FIRST = 0xffffn << 32n;
const MAPPED_LAST = MAPPED_FIRST + 0xffffffffn;

/**
 * Parses a CIDR block or a bare address (a /32 or /128). Leading zeros in the
 * prefix length and uncompressed IPv6 are read as the numbers they spell. An
 * IPv6 block lying inside the IPv4-mapped range comes back as the IPv4 block it
 * maps, so `::ffff:0.0.0.0/96` is `0.0.0.0/0`.
 */
export function parseCidr(value: unknown): CidrBlock | undefined {
  if (typeof value !== 'string' || value.length > 100) return undefined;
  const parts = value.trim().split('/');
  if (parts.length > 2) return undefined;
  const [address = '', prefixText] = parts;
  const ip = parseIpLiteral(address);
  if (!ip) return undefined;
  const bits = ip.family === 4 ? 32 : 128;
  if (prefixText !== undefined && !PREFIX.test(prefixText.trim())) return undefined;
  const prefix = prefixText === undefined ? bits : Number(prefixText.trim());
  if (prefix > bits) return undefined;
  if (ip.family === 4) return block(4, toBigInt(ip.octets, 8n), prefix);
  const v6 = block(6, toBigInt(ip.groups, 16n), prefix);
  if (prefix >= 96 && v6.first >= MAPPED_FIRST && v6.last <= MAPPED_LAST) {
    return block(4, v6.first - MAPPED_FIRST, prefix - 96);
  }
  return v6;
}

function merge(ranges: Range[]): Range[] {
  ranges.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: [bigint, bigint][] = [];
  for (const [lo, hi] of ranges) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1n) {
      if (hi > last[1]) last[1] = hi;
    } else {
      out.push([lo, hi]);
    }
  }
  return out;
}

/** Size of the overlap of two sorted, disjoint range lists. */
function overlap(a: readonly Range[], b: readonly Range[]): bigint {
  let total = 0n;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [alo, ahi] = a[i] as Range;
    const [blo, bhi] = b[j] as Range;
    // Math.max/min do not take bigints.
    let lo = alo;
    if (blo > lo) lo = blo;
    let hi = ahi;
    if (bhi < hi) hi = bhi;
    if (lo <= hi) total += hi - lo + 1n;
    if (ahi < bhi) i += 1;
    else j += 1;
  }
  return total;
}

function rangesOf(cidrs: readonly string[]): Range[] {
  return merge(
    cidrs.flatMap((c) => {
      const b = parseCidr(c);
      return b ? [[b.first, b.last] as Range] : [];
    }),
  );
}

/** Private, shared, loopback, link-local, "this network", multicast and reserved IPv4. */
const NOT_PUBLIC_V4 = rangesOf([
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '224.0.0.0/3',
]);

function complement(ranges: readonly Range[], last: bigint): Range[] {
  const out: Range[] = [];
  let next = 0n;
  for (const [lo, hi] of ranges) {
    if (lo > next) out.push([next, lo - 1n]);
    next = hi + 1n;
  }
  if (next <= last) out.push([next, last]);
  return out;
}

const PUBLIC_V4 = complement(NOT_PUBLIC_V4, (1n << 32n) - 1n);
/** IPv6 global unicast; everything else is reserved, unique-local, link-local or multicast. */
const PUBLIC_V6 = rangesOf(['2000::/3']);

function total(ranges: readonly Range[]): bigint {
  return ranges.reduce((acc, [lo, hi]) => acc + hi - lo + 1n, 0n);
}

const PUBLIC_V4_SIZE = total(PUBLIC_V4);
const PUBLIC_V6_SIZE = total(PUBLIC_V6);

/** `part / whole` to four decimals, without losing bigints' precision first. */
function share(part: bigint, whole: bigint): number {
  return Number((part * 10_000n) / whole) / 10_000;
}

/** How much of the internet the union of `cidrs` covers; values that are not CIDRs add nothing. */
export function addressCoverage(cidrs: readonly unknown[]): AddressCoverage {
  return coverageOfBlocks(
    cidrs.slice(0, MAX_BLOCKS).flatMap((value) => {
      const b = parseCidr(value);
      return b ? [b] : [];
    }),
  );
}

/** {@link addressCoverage} of blocks already parsed, for callers that union many subsets. */
export function coverageOfBlocks(blocks: readonly CidrBlock[]): AddressCoverage {
  const v4: Range[] = [];
  const v6: Range[] = [];
  for (const b of blocks.slice(0, MAX_BLOCKS)) {
    (b.family === 4 ? v4 : v6).push([b.first, b.last]);
  }
  const covered4 = overlap(merge(v4), PUBLIC_V4);
  const covered6 = overlap(merge(v6), PUBLIC_V6);
  const atLeast = (divisor: bigint) =>
    covered4 * divisor >= PUBLIC_V4_SIZE || covered6 * divisor >= PUBLIC_V6_SIZE;
  const reach: Reach = atLeast(INTERNET_DIVISOR)
    ? 'internet'
    : atLeast(WIDE_DIVISOR)
      ? 'wide'
      : 'narrow';
  return {
    reach,
    v4: share(covered4, PUBLIC_V4_SIZE),
    v6: share(covered6, PUBLIC_V6_SIZE),
  };
}

/** {@link addressCoverage}'s verdict alone. */
export function reachOf(cidrs: readonly unknown[]): Reach {
  return addressCoverage(cidrs).reach;
}

/** True when one block is all of IPv4 or all of IPv6, however it is spelled. */
export function isWholeAddressSpace(cidr: unknown): boolean {
  const b = parseCidr(cidr);
  if (!b) return false;
  const last = b.family === 4 ? (1n << 32n) - 1n : (1n << 128n) - 1n;
  return b.first === 0n && b.last === last;
}
