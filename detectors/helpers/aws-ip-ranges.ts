import { type IpAddress, parseIp } from './ip-address.js';

/**
 * AWS's published address ranges (ip-ranges.json) as a lookup structure:
 * every prefix turned into a [first, last] address interval, sorted, and
 * overlapping or touching intervals merged, so a lookup is one binary search
 * (about 13 comparisons for the ~8,000 IPv4 prefixes AWS publishes). The real
 * file lists most addresses several times (under `AMAZON` and again under `EC2`,
 * `S3`, ...): merging drops those repeats. Built once per process; detectors
 * only read it.
 */

/** When the ranges were published, as the file says. */
export interface AwsIpRangesVersion {
  /** Publication time in Unix seconds, as AWS writes it (a string of digits). */
  readonly syncToken: string;
  /** Publication time, `YYYY-MM-DD-hh-mm-ss` in UTC, as AWS writes it. */
  readonly createDate: string;
}

/** A prefix that cannot be read. `index` is its position in the list it came in, once known. */
export class AwsIpPrefixError extends Error {
  override readonly name = 'AwsIpPrefixError';
  constructor(
    readonly reason: string,
    readonly where?: { readonly family: 4 | 6; readonly index: number },
    options?: ErrorOptions,
  ) {
    super(where ? `IPv${where.family} prefix ${where.index}: ${reason}` : reason, options);
  }
}

/** Each prefix as an interval; a bad one is reported with its family and position. */
function intervalsOf<T>(
  prefixes: readonly string[],
  family: 4 | 6,
  interval: (cidr: string) => Interval<T>,
): Interval<T>[] {
  return prefixes.map((cidr, index) => {
    try {
      return interval(cidr);
    } catch (cause) {
      if (!(cause instanceof AwsIpPrefixError)) throw cause;
      throw new AwsIpPrefixError(cause.reason, { family, index }, { cause });
    }
  });
}

/**
 * Prefixes shorter than these would make a large part of the internet "AWS" and
 * silence the detectors that ask: no published AWS prefix is anywhere near as
 * wide, so a file holding one is damaged or forged, not a newer list.
 */
const SHORTEST_V4_PREFIX = 8;
const SHORTEST_V6_PREFIX = 16;

const V6_BITS = 128n;
const V6_ALL = (1n << V6_BITS) - 1n;

interface Interval<T> {
  first: T;
  last: T;
}

function v4Number(octets: readonly number[]): number {
  // Indexed, not destructured: this runs on every lookup, and destructuring iterates.
  return (
    (octets[0] ?? 0) * 0x1000000 +
    (octets[1] ?? 0) * 0x10000 +
    (octets[2] ?? 0) * 0x100 +
    (octets[3] ?? 0)
  );
}

function v6Number(groups: readonly number[]): bigint {
  let value = 0n;
  for (const group of groups) value = (value << 16n) | BigInt(group);
  return value;
}

/** Splits `address/length`, checking the length is plain digits within `max`. */
function splitCidr(cidr: string, max: number): { address: string; length: number } {
  const slash = cidr.indexOf('/');
  const lengthText = slash < 0 ? '' : cidr.slice(slash + 1);
  if (!/^\d{1,3}$/.test(lengthText) || Number(lengthText) > max) {
    throw new AwsIpPrefixError(`not a CIDR range with a prefix length of 0-${max}`);
  }
  return { address: cidr.slice(0, slash), length: Number(lengthText) };
}

/** `a.b.c.d/n` as an interval. Host bits are ignored (`198.51.100.2/24` is the /24). */
export function ipv4Interval(cidr: string): Interval<number> {
  const { address, length } = splitCidr(cidr, 32);
  const ip = address.includes(':') ? undefined : parseIp(address);
  if (ip?.family !== 4) throw new AwsIpPrefixError('not an IPv4 address before the "/"');
  if (length < SHORTEST_V4_PREFIX) {
    throw new AwsIpPrefixError(`wider than any AWS prefix (/${length})`);
  }
  const size = 2 ** (32 - length);
  const first = Math.floor(v4Number(ip.octets) / size) * size;
  return { first, last: first + size - 1 };
}

/** `x:y::/n` as an interval. Host bits are ignored. */
export function ipv6Interval(cidr: string): Interval<bigint> {
  const { address, length } = splitCidr(cidr, 128);
  const ip = address.includes(':') ? parseIp(address) : undefined;
  if (ip?.family !== 6) throw new AwsIpPrefixError('not an IPv6 address before the "/"');
  if (length < SHORTEST_V6_PREFIX) {
    throw new AwsIpPrefixError(`wider than any AWS prefix (/${length})`);
  }
  const hostMask = (1n << (V6_BITS - BigInt(length))) - 1n;
  const first = v6Number(ip.groups) & (V6_ALL ^ hostMask);
  return { first, last: first | hostMask };
}

/** Sorted by start, with overlapping or adjacent intervals joined. */
function mergedV4(intervals: Interval<number>[]): Interval<number>[] {
  intervals.sort((x, y) => x.first - y.first);
  const out: Interval<number>[] = [];
  for (const next of intervals) {
    const last = out[out.length - 1];
    if (last && next.first <= last.last + 1) last.last = Math.max(last.last, next.last);
    else out.push({ ...next });
  }
  return out;
}

/** {@link mergedV4} for IPv6. */
function mergedV6(intervals: Interval<bigint>[]): Interval<bigint>[] {
  intervals.sort((x, y) => (x.first < y.first ? -1 : x.first > y.first ? 1 : 0));
  const out: Interval<bigint>[] = [];
  for (const next of intervals) {
    const last = out[out.length - 1];
    if (last && next.first <= last.last + 1n) {
      if (next.last > last.last) last.last = next.last;
    } else {
      out.push({ ...next });
    }
  }
  return out;
}

/** Index of the last IPv4 interval starting at or before `value`, or -1. */
function lastV4StartingBy(starts: Uint32Array, value: number): number {
  let low = 0;
  let high = starts.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if ((starts[mid] as number) <= value) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/**
 * IPv6 values are kept as four 32-bit words per address in one flat array:
 * lookups compare plain numbers (BigInt arithmetic is several times slower), and
 * BigInt is used only while building.
 */
const WORDS = 4;

function toWords(value: bigint, into: Uint32Array, at: number): void {
  for (let i = 0; i < WORDS; i++) {
    into[at * WORDS + i] = Number((value >> BigInt(96 - 32 * i)) & 0xffffffffn);
  }
}

/** Compares interval `at` of `words` with the address `w` (-1, 0, 1). */
function compareV6(words: Uint32Array, at: number, w: Uint32Array): number {
  for (let i = 0; i < WORDS; i++) {
    const a = words[at * WORDS + i] as number;
    const b = w[i] as number;
    if (a !== b) return a < b ? -1 : 1;
  }
  return 0;
}

/** Index of the last IPv6 interval starting at or before `w`, or -1. */
function lastV6StartingBy(starts: Uint32Array, w: Uint32Array): number {
  let low = 0;
  let high = starts.length / WORDS - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (compareV6(starts, mid, w) <= 0) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/** The published ranges, ready for lookups. Build with {@link AwsIpRanges.build}. */
export class AwsIpRanges {
  /** Scratch space for the address being looked up (lookups are synchronous). */
  private readonly probe = new Uint32Array(WORDS);

  private constructor(
    readonly version: AwsIpRangesVersion,
    /** Prefixes as listed in the file, repeats included. */
    readonly prefixCount: { readonly ipv4: number; readonly ipv6: number },
    private readonly v4First: Uint32Array,
    private readonly v4Last: Uint32Array,
    private readonly v6First: Uint32Array,
    private readonly v6Last: Uint32Array,
  ) {}

  /**
   * Builds the structure from the file's CIDR strings.
   * @throws AwsIpPrefixError (with `where`) on the first prefix that is not a CIDR range of its family.
   */
  static build(
    version: AwsIpRangesVersion,
    ipv4Prefixes: readonly string[],
    ipv6Prefixes: readonly string[],
  ): AwsIpRanges {
    const v4 = mergedV4(intervalsOf(ipv4Prefixes, 4, ipv4Interval));
    const v6 = mergedV6(intervalsOf(ipv6Prefixes, 6, ipv6Interval));
    const v6First = new Uint32Array(v6.length * WORDS);
    const v6Last = new Uint32Array(v6.length * WORDS);
    v6.forEach((interval, at) => {
      toWords(interval.first, v6First, at);
      toWords(interval.last, v6Last, at);
    });
    return new AwsIpRanges(
      version,
      { ipv4: ipv4Prefixes.length, ipv6: ipv6Prefixes.length },
      Uint32Array.from(v4, (i) => i.first),
      Uint32Array.from(v4, (i) => i.last),
      v6First,
      v6Last,
    );
  }

  /** Intervals left after merging, per family (a measure of the structure's size). */
  get intervalCount(): { readonly ipv4: number; readonly ipv6: number } {
    return { ipv4: this.v4First.length, ipv6: this.v6First.length / WORDS };
  }

  /** True when the address is inside a published AWS prefix. */
  contains(ip: IpAddress): boolean {
    if (ip.family === 4) {
      const value = v4Number(ip.octets);
      const at = lastV4StartingBy(this.v4First, value);
      return at >= 0 && value <= (this.v4Last[at] as number);
    }
    const w = this.probe;
    const g = ip.groups;
    for (let i = 0; i < WORDS; i++) w[i] = (g[2 * i] ?? 0) * 0x10000 + (g[2 * i + 1] ?? 0);
    const at = lastV6StartingBy(this.v6First, w);
    return at >= 0 && compareV6(this.v6Last, at, w) >= 0;
  }

  /** {@link contains} for a raw `sourceIPAddress`; false when it is not an address. */
  containsAddress(value: unknown): boolean {
    const ip = parseIp(value);
    return ip !== undefined && this.contains(ip);
  }
}
