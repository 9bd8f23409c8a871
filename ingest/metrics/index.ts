export { MetricFetchError, MetricsFileError } from './errors.js';
export { FUNCTION_NAME, parseSeriesLabel, seriesLabel } from './label.js';
export { seriesFromCsv } from './read-csv.js';
export { MAX_METRICS_FILE_BYTES, parseMetricsContent, readMetricsFile } from './read-file.js';
export { type MetricsRead, seriesFromJson } from './read-json.js';
export { toTime } from './series-builder.js';
export { LAMBDA_METRICS, type LambdaMetric, type MetricPoint, type MetricSeries } from './types.js';
