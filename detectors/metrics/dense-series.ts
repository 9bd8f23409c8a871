import type { MetricPoint } from '../../ingest/metrics/types.js';

/**
 * A series laid on its period grid: `values[i]` is the period starting at
 * `start + i * periodMs`, NaN where nothing is known. `firstData` is the index of
 * the first real datapoint (the function's history starts there, as far as the
 * window shows).
 */
export interface DenseSeries {
  readonly start: number;
  readonly periodMs: number;
  readonly values: Float64Array;
  readonly firstData: number;
}

/** Grids longer than this are refused (a file spanning years at one-minute periods). */
export const MAX_GRID_PERIODS = 200_000;

/**
 * Lays `points` on the grid of `periodMs` from the first point to `end`
 * (exclusive; default: just after the last point). With `zeroFill`, a period
 * without a point from the first point on is 0: right for counts (Lambda emits no
 * datapoint for a minute without invocations), and only for a series CloudWatch
 * returned complete. Without it, missing stays unknown. Undefined when there are
 * no points or the grid would be too long.
 */
export function toDense(
  points: readonly MetricPoint[],
  periodMs: number,
  options: { readonly end?: number; readonly zeroFill: boolean },
): DenseSeries | undefined {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last || !(periodMs > 0)) return undefined;
  const start = first.time;
  const end = Math.max(options.end ?? last.time + periodMs, last.time + periodMs);
  const length = Math.ceil((end - start) / periodMs);
  if (length > MAX_GRID_PERIODS) return undefined;
  const values = new Float64Array(length).fill(options.zeroFill ? 0 : Number.NaN);
  for (const point of points) {
    const index = Math.round((point.time - start) / periodMs);
    if (index >= 0 && index < length) values[index] = point.value;
  }
  return { start, periodMs, values, firstData: 0 };
}

/**
 * The period of a series from its timestamps: the smallest gap between
 * consecutive points, if it is a whole number of minutes (CloudWatch periods for
 * Lambda are 60 s multiples). Undefined with fewer than two points or odd gaps.
 */
export function inferPeriodSeconds(points: readonly MetricPoint[]): number | undefined {
  let smallest = Number.POSITIVE_INFINITY;
  for (let i = 1; i < points.length; i++) {
    const gap = (points[i] as MetricPoint).time - (points[i - 1] as MetricPoint).time;
    if (gap > 0 && gap < smallest) smallest = gap;
  }
  if (!Number.isFinite(smallest)) return undefined;
  const seconds = smallest / 1000;
  return Number.isInteger(seconds) && seconds % 60 === 0 ? seconds : undefined;
}

/** The value at `time` (a period start), NaN when off the grid or unknown. */
export function valueAt(series: DenseSeries, time: number): number {
  const index = Math.round((time - series.start) / series.periodMs);
  return index >= 0 && index < series.values.length ? (series.values[index] as number) : Number.NaN;
}
