import type { MetricWindow } from './fetch.js';

const DAY_MS = 86_400_000;

/**
 * The window a scheduled run reads: `lookbackDays` of history up to the last
 * *closed* period. Lambda publishes at one-minute resolution and the latest minutes
 * are still filling in, so the window stops `settleSeconds` before `now`, on a
 * period boundary: a period is judged once, complete, and never as a false drop
 * to zero or a missed spike.
 */
export function closedWindow(
  now: number,
  periodSeconds: number,
  settleSeconds: number,
  lookbackDays: number,
): MetricWindow {
  const period = periodSeconds * 1000;
  const end = Math.floor((now - settleSeconds * 1000) / period) * period;
  const start = Math.floor((end - lookbackDays * DAY_MS) / period) * period;
  return { start, end };
}
