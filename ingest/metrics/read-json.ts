import { SeriesBuilder } from './series-builder.js';
import type { MetricSeries } from './types.js';

/** Series read from a file, and what was wrong with parts of it (not fatal). */
export interface MetricsRead {
  readonly series: readonly MetricSeries[];
  readonly warnings: readonly string[];
}

/**
 * Series from parsed JSON in the shape GetMetricData returns: one response
 * (`{"MetricDataResults": [...]}`, as `aws cloudwatch get-metric-data` prints it),
 * an array of responses (pages, in order), or an array of `MetricDataResult`s.
 * Results are merged by Label (Id when there is none); the last page's
 * `StatusCode` is the series' status. Returns undefined when the value has none of
 * these shapes.
 */
export function seriesFromJson(value: unknown): MetricsRead | undefined {
  const results = resultsOf(value);
  if (results === undefined) return undefined;
  const builder = new SeriesBuilder();
  for (const [index, result] of results.entries()) {
    if (typeof result !== 'object' || result === null) {
      builder.warnings.push(`result ${index}: not an object; ignored`);
      continue;
    }
    const r = result as Record<string, unknown>;
    const label = typeof r.Label === 'string' && r.Label !== '' ? r.Label : r.Id;
    if (typeof label !== 'string' || label === '') {
      builder.warnings.push(`result ${index}: no Label or Id; ignored`);
      continue;
    }
    builder.add(
      label,
      Array.isArray(r.Timestamps) ? r.Timestamps : [],
      Array.isArray(r.Values) ? r.Values : [],
      typeof r.StatusCode === 'string' ? r.StatusCode : undefined,
    );
  }
  const series = builder.build();
  return { series, warnings: builder.warnings };
}

function resultsOf(value: unknown): unknown[] | undefined {
  const one = (v: unknown): unknown[] | undefined => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
    const results = (v as Record<string, unknown>).MetricDataResults;
    return Array.isArray(results) ? results : undefined;
  };
  const single = one(value);
  if (single) return single;
  if (!Array.isArray(value)) return undefined;
  if (value.length === 0) return [];
  const pages = value.map(one);
  if (pages.every((p) => p !== undefined)) return pages.flat();
  const looksLikeResults = value.every(
    (v) => typeof v === 'object' && v !== null && ('Timestamps' in v || 'Values' in v),
  );
  return looksLikeResults ? value : undefined;
}
