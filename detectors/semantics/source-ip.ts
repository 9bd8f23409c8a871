import { addressCoverage, parseCidr } from '../helpers/address-coverage.js';

/**
 * aws:SourceIp as an outsider sees it: any public address they can rent.
 * A set of CIDR blocks lets them in when it covers a "wide" share of the public
 * internet (address-coverage.ts: a /8's worth of IPv4 or more, however split
 * or spelled); an office range or a private range does not.
 */
const WIDE_SHARE = 1 / 256;

/** An outsider can get a public address inside the blocks. */
export function outsiderCanBeIn(cidrs: readonly string[]): boolean {
  return addressCoverage(cidrs).reach !== 'narrow';
}

/** An outsider can get a public address outside the blocks (what `NotIpAddress` asks). */
export function outsiderCanBeOutside(cidrs: readonly string[]): boolean {
  const covered = addressCoverage(cidrs);
  return 1 - covered.v4 >= WIDE_SHARE || 1 - covered.v6 >= WIDE_SHARE;
}

/** `IpAddress` on one concrete address: inside the block, same family. */
export function addressInCidr(cidr: string, address: string): boolean {
  const block = parseCidr(cidr);
  const ip = parseCidr(address);
  return (
    block !== undefined &&
    ip !== undefined &&
    ip.family === block.family &&
    ip.first >= block.first &&
    ip.last <= block.last
  );
}
