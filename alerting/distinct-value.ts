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

/**
 * The stored forms of every value a finding counts: its `distinctValue` and each
 * of its `distinctValues`, unique and sorted (so which value carries the
 * finding's count never depends on how a detector ordered them), at most `cap`
 * + 1 (a call naming more values than a group remembers has crossed any threshold).
 * `[NO_DISTINCT_VALUE]` when the finding has no usable value.
 */
export function distinctKeysOf(
  finding: { readonly distinctValue?: unknown; readonly distinctValues?: unknown },
  cap: number,
): string[] {
  const keys = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string' && value.length > 0) keys.add(distinctKeyOf(value));
  };
  add(finding.distinctValue);
  const many = finding.distinctValues;
  if (Array.isArray(many)) {
    // One past the cap, so a group can tell there were more than it keeps.
    const limit = Math.max(1, Math.floor(cap)) + 1;
    for (const value of many) {
      if (keys.size >= limit) break;
      add(value);
    }
  }
  return keys.size === 0 ? [NO_DISTINCT_VALUE] : [...keys].sort();
}
