import type { Detector } from '../detectors/types.js';

/** How one detector groups its findings in event time; derived once from its metadata. */
export interface WindowConfig {
  /** Length of one alert's window: the dedup window, or the threshold window if longer. */
  readonly groupMs: number;
  readonly threshold?: { readonly count: number; readonly windowMs: number };
  /** How long past a window's end its state is kept for late or redelivered events. */
  readonly latenessMs: number;
  /** Most findings held below threshold per key; the oldest go first. */
  readonly pendingCap: number;
}

/** Groups a published alert is kept beyond this only while it still needs publishing. */
export const UNNOTIFIED_RETENTION_MS = 7 * 24 * 3600 * 1000;

/**
 * Reads a detector's windows defensively: metadata is typed, but a bad number
 * (negative, NaN, a threshold of 1) must degrade to "alert on each window", never
 * to "never alert".
 */
export function windowConfigOf(detector: Detector, latenessSeconds: number): WindowConfig {
  const dedupMs = seconds(detector.dedupWindowSeconds);
  const latenessMs = seconds(latenessSeconds);
  const threshold = detector.threshold;
  const count = Math.floor(Number(threshold?.count));
  if (!threshold || !Number.isFinite(count) || count < 2) {
    return { groupMs: Math.max(1, dedupMs), latenessMs, pendingCap: 0 };
  }
  const windowMs = Math.max(1000, seconds(threshold.windowSeconds));
  return {
    groupMs: Math.max(1, dedupMs, windowMs),
    threshold: { count, windowMs },
    latenessMs,
    pendingCap: count * 2 + 16,
  };
}

function seconds(value: unknown): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n * 1000 : 0;
}
