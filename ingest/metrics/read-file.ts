import { readFile, stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { MetricsFileError } from './errors.js';
import { seriesFromCsv } from './read-csv.js';
import { type MetricsRead, seriesFromJson } from './read-json.js';

/** Files above this are refused: whole-file parsing, and 60 days of 1-minute data for 300 functions fit. */
export const MAX_METRICS_FILE_BYTES = 512 * 1024 * 1024;

/**
 * Reads metric series from a local file: JSON in GetMetricData's shape or CSV
 * (`Label,Timestamp,Value`), told apart by content; gzip is inflated first. Parts
 * that cannot be used are in `warnings`; a file with no usable shape throws
 * {@link MetricsFileError}.
 */
export async function readMetricsFile(path: string): Promise<MetricsRead> {
  let bytes: Buffer;
  try {
    if ((await stat(path)).size > MAX_METRICS_FILE_BYTES) {
      throw new MetricsFileError(path, `larger than ${MAX_METRICS_FILE_BYTES} bytes; split it`);
    }
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof MetricsFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new MetricsFileError(path, `cannot read the file (${code ?? String(error)})`, {
      cause: error,
    });
  }
  return parseMetricsContent(path, bytes);
}

/** {@link readMetricsFile} on content already in memory; `path` names it in errors. */
export function parseMetricsContent(path: string, bytes: Buffer): MetricsRead {
  let content = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      content = gunzipSync(bytes, { maxOutputLength: MAX_METRICS_FILE_BYTES });
    } catch (cause) {
      throw new MetricsFileError(path, 'gzip data is corrupt or too large', { cause });
    }
  }
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (cause) {
      throw new MetricsFileError(path, `invalid JSON (${(cause as Error).message})`, { cause });
    }
    const read = seriesFromJson(value);
    if (read) return read;
    throw new MetricsFileError(
      path,
      'JSON without MetricDataResults: expected a GetMetricData response, a list of them, or a list of results',
    );
  }
  const read = seriesFromCsv(text);
  if (read) return read;
  throw new MetricsFileError(
    path,
    'neither GetMetricData JSON nor CSV with Label, Timestamp and Value columns',
  );
}
