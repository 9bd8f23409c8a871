import { BlockList, isIP } from 'node:net';

/**
 * IPv4 and IPv6 addresses and CIDR ranges, matched with Node's own `BlockList`
 * (no dependency, no hand-written bit arithmetic). IPv4 ranges also match the
 * IPv4-mapped IPv6 form (`::ffff:10.1.2.3`).
 */

/** `true` when `address` is inside one of the set's addresses or ranges. */
export type AddressMatcher = (address: string) => boolean;

interface ParsedEntry {
  readonly address: string;
  readonly family: 'ipv4' | 'ipv6';
  /** Absent for a single address. */
  readonly prefix?: number;
}

/** Parses `10.0.0.0/8`, `203.0.113.7`, `2001:db8::/32`; `undefined` when it is neither. */
export function parseAddressOrCidr(entry: string): ParsedEntry | undefined {
  const slash = entry.indexOf('/');
  const address = slash < 0 ? entry : entry.slice(0, slash);
  const version = isIP(address);
  // Zone ids (fe80::1%eth0) never appear in CloudTrail and BlockList rejects them.
  if (version === 0 || address.includes('%')) return undefined;
  const family = version === 4 ? 'ipv4' : 'ipv6';
  if (slash < 0) return { address, family };
  const prefixText = entry.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > (version === 4 ? 32 : 128)) return undefined;
  return { address, family, prefix };
}

/** Compiles entries already validated with {@link parseAddressOrCidr}; invalid ones are skipped. */
export function compileAddressSet(entries: readonly string[]): AddressMatcher {
  const list = new BlockList();
  for (const entry of entries) {
    const parsed = parseAddressOrCidr(entry);
    if (!parsed) continue;
    if (parsed.prefix === undefined) list.addAddress(parsed.address, parsed.family);
    else list.addSubnet(parsed.address, parsed.prefix, parsed.family);
  }
  return (address) => {
    // CloudTrail writes service names ("ec2.amazonaws.com", "AWS Internal") here too.
    const version = isIP(address);
    if (version === 0 || address.includes('%')) return false;
    try {
      return list.check(address, version === 4 ? 'ipv4' : 'ipv6');
    } catch {
      return false;
    }
  };
}
