import { lowWater, pickVictims } from './state-eviction.js';

/**
 * Counts the aggregator's keys of one batch, per detector and in all, and picks
 * which to evict once a count passes its cap (see state-eviction.ts for the
 * order). Caps apply per detector first, so one detector's flood evicts its own
 * keys and leaves a quiet detector's alone; if the batch is still over its
 * overall cap, the detectors holding the most keys give them up, down to a
 * common level.
 *
 * Keys with an alert due are never picked and do not count against the caps
 * (see {@link KeyBudget.victims}); a trim then waits until a tenth of a cap more
 * keys came, rather than scanning every key after every chunk.
 */
export class KeyBudget {
  private readonly counts = new Map<string, number>();
  /** Per detector: the count past which it is trimmed again (its cap, or higher after a short trim). */
  private readonly triggers = new Map<string, number>();
  private total = 0;
  private totalTrigger: number;

  constructor(
    private readonly maxKeys: number,
    private readonly maxPerDetector: number,
  ) {
    this.totalTrigger = maxKeys;
  }

  get size(): number {
    return this.total;
  }

  add(detectorId: string): void {
    this.counts.set(detectorId, (this.counts.get(detectorId) ?? 0) + 1);
    this.total += 1;
  }

  remove(detectorId: string): void {
    const n = (this.counts.get(detectorId) ?? 0) - 1;
    if (n > 0) this.counts.set(detectorId, n);
    else this.counts.delete(detectorId);
    this.total -= 1;
  }

  clear(): void {
    this.counts.clear();
    this.triggers.clear();
    this.total = 0;
    this.totalTrigger = this.maxKeys;
  }

  /** True when a count passed its trigger: time to call {@link victims}. */
  needsTrim(): boolean {
    if (this.total > this.totalTrigger) return true;
    for (const [id, n] of this.counts) {
      if (n > (this.triggers.get(id) ?? this.maxPerDetector)) return true;
    }
    return false;
  }

  /**
   * The items to evict now, from `items` in least recently used first order; the
   * caller removes them (and calls {@link remove}). Caps count only keys that may
   * be evicted: keys with an alert due are bounded by their alerts, and counting
   * them would evict every new key of a detector whose budget they fill.
   */
  victims<T>(
    items: Iterable<T>,
    detectorOf: (item: T) => string,
    rankOf: (item: T) => number | undefined,
  ): T[] {
    const evictable = new Map<string, { item: T; rank: number }[]>();
    for (const item of items) {
      const rank = rankOf(item);
      if (rank === undefined) continue;
      const id = detectorOf(item);
      const list = evictable.get(id);
      if (list) list.push({ item, rank });
      else evictable.set(id, [{ item, rank }]);
    }
    const victims: T[] = [];
    const taken = new Map<string, number>();
    for (const [id, want] of this.quotas(evictable)) {
      const picked = pickVictims(evictable.get(id) ?? [], want, (e) => e.rank);
      taken.set(id, picked.length);
      for (const e of picked) victims.push(e.item);
    }
    // Trim again once a tenth of a cap more keys came, not after every chunk.
    const slack = (cap: number) => Math.floor(cap / 10);
    for (const [id, n] of this.counts) {
      const left = n - (taken.get(id) ?? 0);
      this.triggers.set(id, Math.max(this.maxPerDetector, left + slack(this.maxPerDetector)));
    }
    const left = this.total - victims.length;
    this.totalTrigger = Math.max(this.maxKeys, left + slack(this.maxKeys));
    return victims;
  }

  /** How many of its evictable keys each detector should give up. */
  private quotas(evictable: ReadonlyMap<string, readonly unknown[]>): Map<string, number> {
    const quotas = new Map<string, number>();
    const after = new Map<string, number>();
    let total = 0;
    for (const [id, list] of evictable) {
      const n = list.length;
      const keep = n > this.maxPerDetector ? lowWater(this.maxPerDetector) : n;
      if (keep < n) quotas.set(id, n - keep);
      after.set(id, keep);
      total += keep;
    }
    if (total > this.maxKeys) {
      const level = levelFor([...after.values()], total - lowWater(this.maxKeys));
      for (const [id, n] of after) {
        if (n > level) quotas.set(id, (quotas.get(id) ?? 0) + n - level);
      }
    }
    return quotas;
  }
}

/** The highest level L such that cutting every count down to L removes at least `excess`. */
function levelFor(counts: readonly number[], excess: number): number {
  const removed = (level: number) => counts.reduce((sum, n) => sum + Math.max(0, n - level), 0);
  let lo = 0;
  let hi = Math.max(0, ...counts);
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (removed(mid) >= excess) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
