import type { Finding } from '../../detectors/types.js';
import type { FlushResult } from '../aggregator.js';
import type { FindingSink } from '../pipeline.js';
import type { SuppressionMatcher } from './suppress.js';
import type { Suppression } from './types.js';

export interface SuppressingSinkOptions {
  /** Epoch ms used for expiry. Default `Date.now` (the CLI passes a fixed scan start). */
  readonly clock?: () => number;
  /** Called for each suppressed finding, e.g. to list them (`--show-suppressed`) or log them. */
  readonly onSuppressed?: (finding: Finding, rule: Suppression) => void;
}

/**
 * A {@link FindingSink} in front of the aggregator: findings a suppression
 * matches are counted per rule and go no further, so they never count towards a
 * threshold, open a dedup window or teach a first-seen key. The rest pass
 * through unchanged.
 */
export class SuppressingSink implements FindingSink {
  private readonly counts = new Map<string, number>();
  private readonly clock: () => number;

  constructor(
    private readonly inner: FindingSink,
    private readonly matcher: SuppressionMatcher,
    private readonly options: SuppressingSinkOptions = {},
  ) {
    this.clock = options.clock ?? Date.now;
  }

  add(finding: Finding): void | Promise<void> {
    const rule = this.matcher.match(finding, this.clock());
    if (!rule) return this.inner.add(finding);
    this.counts.set(rule.id, (this.counts.get(rule.id) ?? 0) + 1);
    this.options.onSuppressed?.(finding, rule);
  }

  flush(): Promise<FlushResult> {
    return this.inner.flush();
  }

  /** Findings suppressed so far, by rule id (only rules that suppressed something). */
  get suppressed(): ReadonlyMap<string, number> {
    return this.counts;
  }

  /** All findings suppressed so far. */
  get suppressedTotal(): number {
    let total = 0;
    for (const n of this.counts.values()) total += n;
    return total;
  }
}
