import { SEVERITY_RANK } from '../detectors/types.js';
import { needsNotification } from './alert-group.js';
import type { KeyState } from './state-store.js';

/**
 * The alerting state's memory bound: which key state goes when a flood of
 * distinct keys (failed calls from many principals, sign-ins from many IPv6
 * addresses) would otherwise hold one threshold state each until memory runs
 * out. Shared by the aggregator's per-batch entries and the in-memory store;
 * docs/performance.md ("Alerting state under floods") states the policy.
 *
 * - A key with an alert due (a group never published, or escalated since) is
 *   never evicted, whatever its severity: an alert that is due is never dropped.
 * - Otherwise the lowest rank goes first: the key holding the least severe
 *   findings, then the one with the fewest held entries (findings for a count
 *   threshold, values for a distinct one: the least progress towards its
 *   threshold), then the least recently used. A flood's keys each hold one
 *   finding, so they go before a real burst that has reached two; a key holding
 *   a high or critical finding goes only once nothing less severe is left.
 * - "Least recently used" is in processing order, not event time: the CLI reads
 *   files per account and region, so event time jumps back and forth between
 *   files, while a key untouched for longest in reading order is the least likely
 *   to be completed by what is read next.
 */

/** Caps on the alerting state one process keeps. */
export interface StateLimits {
  /** Keys (detector + dedup key) with state in one batch, over all detectors. */
  readonly maxKeys: number;
  /** Keys of one detector in one batch: one detector's flood evicts only its own keys first. */
  readonly maxKeysPerDetector: number;
  /** First-seen sightings one batch keeps before writing them at commit. */
  readonly maxFirstSeenMarks: number;
  /** Event fingerprints one batch remembers for redelivery dedup. */
  readonly maxFingerprints: number;
}

/**
 * A key holding one finding costs about 1.4 KB, a first-seen mark about 200 bytes,
 * a fingerprint 16-32 (docs/performance.md): about 70 + 20 + 32 MB at most,
 * however many distinct keys a scan or an S3 object brings. 20,000 keys of one
 * detector is far more than one organisation's principals with failed calls in
 * one threshold window.
 */
export const DEFAULT_STATE_LIMITS: StateLimits = {
  maxKeys: 50_000,
  maxKeysPerDetector: 20_000,
  maxFirstSeenMarks: 100_000,
  maxFingerprints: 1_000_000,
};

/** What was given up to stay within {@link StateLimits}; all zero when nothing was. */
export interface EvictionStats {
  /** Keys evicted with the findings this batch had counted into them (never a due alert). */
  readonly keys: number;
  /** Findings those keys had counted in this batch: they count toward no threshold. */
  readonly findings: number;
  /** Of those, findings at high or critical severity (held below their detector's threshold). */
  readonly severeFindings: number;
  /** First-seen sightings not recorded: those keys may alert as new later (more alerts, never fewer). */
  readonly firstSeenMarks: number;
  /** Events counted but not remembered for dedup: a redelivery of one would be counted again. */
  readonly unmarkedEvents: number;
}

/** {@link EvictionStats} while a batch counts them. */
export type EvictionCounts = { -readonly [K in keyof EvictionStats]: EvictionStats[K] };

export function noEvictions(): EvictionCounts {
  return { keys: 0, findings: 0, severeFindings: 0, firstSeenMarks: 0, unmarkedEvents: 0 };
}

export function anyEvictions(stats: EvictionStats | undefined): boolean {
  return stats !== undefined && Object.values(stats).some((n) => n > 0);
}

/** Rank of a key that holds nothing worth keeping: evicted before any other. */
export const RANK_FREE = -1;

/** Held entries past this count rank alike (the rank packs severity above it). */
const HELD_SPAN = 1 << 20;

/**
 * Where a key stands in the eviction order (lower goes first), or `undefined`
 * when it must stay: an alert is due.
 */
export function evictionRank(state: KeyState): number | undefined {
  let severity = 0;
  for (const group of state.groups) {
    if (needsNotification(group)) return undefined;
    severity = Math.max(severity, rankOf(group.severity));
  }
  if (state.groups.length === 0 && state.pending.length === 0) return RANK_FREE;
  for (const held of state.pending) severity = Math.max(severity, rankOf(held.sample.severity));
  return severity * HELD_SPAN + Math.min(state.pending.length, HELD_SPAN - 1);
}

/** True for a severity at or above high (the findings an eviction must report apart). */
export function isSevere(severity: string): boolean {
  return rankOf(severity) >= SEVERITY_RANK.high;
}

function rankOf(severity: string): number {
  return SEVERITY_RANK[severity as keyof typeof SEVERITY_RANK] ?? 0;
}

/**
 * Up to `want` items to evict: lowest rank first and, within a rank, in the
 * order given (pass least recently used first). Items ranked `undefined` are
 * never chosen. Two passes over the items whatever `want` is: a histogram of
 * ranks finds the cut-off, so a flood costs no sort.
 */
export function pickVictims<T>(
  items: Iterable<T>,
  want: number,
  rankOf: (item: T) => number | undefined,
): T[] {
  if (want <= 0) return [];
  const ranked: { item: T; rank: number }[] = [];
  const histogram = new Map<number, number>();
  for (const item of items) {
    const rank = rankOf(item);
    if (rank === undefined) continue;
    ranked.push({ item, rank });
    histogram.set(rank, (histogram.get(rank) ?? 0) + 1);
  }
  let cutoff = Number.POSITIVE_INFINITY;
  let below = 0;
  for (const rank of [...histogram.keys()].sort((a, b) => a - b)) {
    const n = histogram.get(rank) ?? 0;
    if (below + n >= want) {
      cutoff = rank;
      break;
    }
    below += n;
  }
  // Everything under the cut-off goes; of the cut-off rank, the first `want - below`.
  let atCutoff = want - below;
  const victims: T[] = [];
  for (const { item, rank } of ranked) {
    if (rank < cutoff) victims.push(item);
    else if (rank === cutoff && atCutoff > 0) {
      victims.push(item);
      atCutoff -= 1;
    }
  }
  return victims;
}

/**
 * Where a full budget is trimmed to: a tenth below the cap, so the pass over the
 * keys that trimming costs happens once per tenth of the cap, not on every new key.
 */
export function lowWater(cap: number): number {
  return cap - Math.floor(cap / 10);
}

/** Reads one limit defensively: a bad number falls back to the default, never to "no limit". */
export function limitsOf(given: Partial<StateLimits> = {}): StateLimits {
  const pick = (key: keyof StateLimits) => {
    const n = Math.floor(Number(given[key]));
    return Number.isFinite(n) && n >= 1 ? n : DEFAULT_STATE_LIMITS[key];
  };
  return {
    maxKeys: pick('maxKeys'),
    maxKeysPerDetector: pick('maxKeysPerDetector'),
    maxFirstSeenMarks: pick('maxFirstSeenMarks'),
    maxFingerprints: pick('maxFingerprints'),
  };
}
