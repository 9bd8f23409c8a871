import type { Detector } from '../detectors/types.js';

/** A detector's first-seen settings, in ms of event time. */
export interface FirstSeenConfig {
  /** From the detector's learning start: findings before its end only teach keys. */
  readonly learningMs: number;
  /** A key not seen for this long is forgotten. */
  readonly forgetMs: number;
}

/** How one detector turns findings into alerts in event time; derived once from its metadata. */
export interface WindowConfig {
  /** Length of one alert's window: the dedup window, or the threshold window if longer. */
  readonly groupMs: number;
  readonly threshold?: {
    readonly count: number;
    readonly windowMs: number;
    /** Count distinct `Finding.distinctValue`s rather than findings. */
    readonly distinct: boolean;
    /** Most distinct values a group remembers (at least `count`). */
    readonly distinctCap: number;
  };
  /** Present for first-seen detectors: only findings with a new key reach the windows. */
  readonly firstSeen?: FirstSeenConfig;
  /** How long past a window's end its state is kept for late or redelivered events. */
  readonly latenessMs: number;
  /**
   * Most entries held below threshold per key; the oldest go first. For a distinct
   * threshold an entry is a value, however many findings repeat it.
   */
  readonly pendingCap: number;
}

/** Groups a published alert is kept beyond this only while it still needs publishing. */
export const UNNOTIFIED_RETENTION_MS = 7 * 24 * 3600 * 1000;

/**
 * A distinct-threshold group remembers at least this many values, so its alert can
 * say "37 distinct values" rather than only "at least the threshold"; past it, the
 * alert says "more than N". Values are 32-character digests: 100 cost ~4 KB.
 */
export const MIN_DISTINCT_CAP = 100;

const DAY_MS = 24 * 3600 * 1000;

/**
 * Reads a detector's windows defensively: metadata is typed, but a bad number
 * (negative, NaN, a threshold of 1) must degrade to "alert on each window", never
 * to "never alert".
 */
export function windowConfigOf(detector: Detector, latenessSeconds: number): WindowConfig {
  const dedupMs = seconds(detector.dedupWindowSeconds);
  const latenessMs = seconds(latenessSeconds);
  const firstSeen = firstSeenConfigOf(detector);
  const threshold = detector.threshold;
  const count = Math.floor(Number(threshold?.count));
  if (!threshold || !Number.isFinite(count) || count < 2) {
    return { groupMs: Math.max(1, dedupMs), latenessMs, pendingCap: 0, ...firstSeen };
  }
  const windowMs = Math.max(1000, seconds(threshold.windowSeconds));
  return {
    ...firstSeen,
    groupMs: Math.max(1, dedupMs, windowMs),
    threshold: {
      count,
      windowMs,
      distinct: threshold.distinct === true,
      distinctCap: Math.max(count, MIN_DISTINCT_CAP),
    },
    latenessMs,
    pendingCap: count * 2 + 16,
  };
}

/**
 * A forget period that is not a positive finite number cannot remember anything:
 * the detector then alerts on every finding, as if it had no `firstSeen`. A bad
 * learning period means no learning.
 */
function firstSeenConfigOf(detector: Detector): { firstSeen: FirstSeenConfig } | undefined {
  const settings = detector.firstSeen;
  if (!settings) return undefined;
  const forgetMs = Number(settings.forgetAfterDays) * DAY_MS;
  if (!Number.isFinite(forgetMs) || forgetMs <= 0) return undefined;
  const learningMs = Number(settings.learningDays) * DAY_MS;
  return {
    firstSeen: {
      learningMs: Number.isFinite(learningMs) && learningMs > 0 ? learningMs : 0,
      forgetMs,
    },
  };
}

function seconds(value: unknown): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n * 1000 : 0;
}
