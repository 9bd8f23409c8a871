import { isWholeAddressSpace } from './address-coverage.js';

/**
 * CIDRs that are, on their own, the whole internet: `0.0.0.0/0` and `::/0` in any
 * spelling. Sets that only together cover it are judged by `addressCoverage`.
 */
export function isWorldCidr(cidr: unknown): boolean {
  return isWholeAddressSpace(cidr);
}
