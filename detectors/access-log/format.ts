import type { AccessLogRecord } from '../../ingest/access-log/types.js';

/** `5.0 GiB`, `812 KiB`, `17 B`: byte counts for summaries. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1024) return `${Math.max(0, Math.floor(bytes || 0))} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}

/** `bucket/key` or `bucket`: what the request was about, key as logged (URL-encoded). */
export function targetOf(record: AccessLogRecord): string {
  return record.key ? `${record.bucket}/${record.key}` : record.bucket;
}

/** `REST.GET.OBJECT, HTTP 200`: the operation and outcome, for summaries. */
export function outcomeOf(record: AccessLogRecord): string {
  const status = record.httpStatus === null ? 'no status' : `HTTP ${record.httpStatus}`;
  const error = record.errorCode ? ` ${record.errorCode}` : '';
  return `${record.operation ?? 'unknown operation'}, ${status}${error}`;
}
