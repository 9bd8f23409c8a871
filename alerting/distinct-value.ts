import { createHash } from 'node:crypto';

/**
 * What a finding without a usable `distinctValue` counts as. Such findings are
 * kept (their events are evidence) as ONE shared value: they can add at most one
 * to a distinct count, never inflate it. Digests are hex, so this cannot collide.
 */
export const NO_DISTINCT_VALUE = '(none)';

/**
 * The stored form of a distinct value: 128 bits of its SHA-256. Values are
 * attacker-chosen (user names, addresses), so a fast non-cryptographic hash would
 * let two chosen values merge and hide from the count; a digest also keeps state
 * small whatever the value's size.
 */
export function distinctKeyOf(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) return NO_DISTINCT_VALUE;
  return createHash('sha256').update(value).digest('hex').slice(0, 32);
}
