import { parseSeriesLabel } from './label.js';
import type { MetricPoint, MetricSeries } from './types.js';

/** Most points kept for one series: 60 days of 1-minute data, with room to spare. */
export const MAX_POINTS_PER_SERIES = 100_000;

/**
 * Gathers the datapoints of series that arrive in pieces (GetMetricData pages, CSV
 * rows), then hands each over sorted, with one point per time, and its status.
 * Points that are not a date and a finite number are counted, not kept.
 */
export class SeriesBuilder {
  private readonly byLabel = new Map<
    string,
    { points: Map<number, number>; status: string | undefined; periodSeconds?: number }
  >();
  readonly warnings: string[] = [];
  private dropped = new Map<string, number>();

  /** Adds points to the series `label`; `status` (if given) replaces the one seen before. */
  add(
    label: string,
    times: readonly unknown[],
    values: readonly unknown[],
    status?: string,
    periodSeconds?: number,
  ): void {
    let entry = this.byLabel.get(label);
    if (!entry) {
      entry = { points: new Map(), status: undefined };
      if (periodSeconds !== undefined) entry.periodSeconds = periodSeconds;
      this.byLabel.set(label, entry);
    }
    if (status !== undefined) entry.status = status;
    if (times.length !== values.length) {
      this.warnings.push(
        `series "${label}": ${times.length} timestamps but ${values.length} values; the extra ones are ignored`,
      );
    }
    const n = Math.min(times.length, values.length);
    let dropped = 0;
    for (let i = 0; i < n; i++) {
      const time = toTime(times[i]);
      const value = values[i];
      if (time === undefined || typeof value !== 'number' || !Number.isFinite(value)) {
        dropped++;
        continue;
      }
      if (entry.points.size >= MAX_POINTS_PER_SERIES && !entry.points.has(time)) {
        dropped++;
        continue;
      }
      if (!entry.points.has(time)) entry.points.set(time, value);
    }
    if (dropped > 0) this.dropped.set(label, (this.dropped.get(label) ?? 0) + dropped);
  }

  /** The series gathered, sorted by label; labels that name no function are reported and left out. */
  build(): MetricSeries[] {
    const out: MetricSeries[] = [];
    for (const [label, n] of this.dropped) {
      this.warnings.push(
        `series "${label}": ${n} datapoints without a valid time or value ignored`,
      );
    }
    for (const [label, entry] of [...this.byLabel].sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    )) {
      const named = parseSeriesLabel(label);
      if (!named) {
        this.warnings.push(
          `series "${label}": the label does not name a Lambda function ("<function> <Metric>"); ignored`,
        );
        continue;
      }
      const points: MetricPoint[] = [...entry.points]
        .map(([time, value]) => ({ time, value }))
        .sort((a, b) => a.time - b.time);
      const status = entry.status;
      out.push({
        label,
        ...named,
        points,
        complete: status === undefined || status === 'Complete',
        ...(status === undefined ? {} : { status }),
        ...(entry.periodSeconds === undefined ? {} : { periodSeconds: entry.periodSeconds }),
      });
    }
    return out;
  }
}

/**
 * A timestamp as GetMetricData gives it: a Date (SDK), an ISO-8601 string (CLI,
 * JSON), or epoch seconds or milliseconds. Undefined when it is none of these.
 */
export function toTime(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.getTime() : undefined;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
    return value < 1e11 ? value * 1000 : value;
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value)) {
    const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`;
    const time = Date.parse(zoned.replace(' ', 'T'));
    return Number.isFinite(time) ? time : undefined;
  }
  return undefined;
}
