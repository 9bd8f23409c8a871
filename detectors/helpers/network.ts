/** CIDRs that mean "the whole internet". */
export function isWorldCidr(cidr: unknown): boolean {
  if (typeof cidr !== 'string') return false;
  const value = cidr.trim();
  return value === '0.0.0.0/0' || value === '::/0' || value === '0::/0';
}
