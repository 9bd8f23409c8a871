import type { AccessLogRecord } from '../../ingest/access-log/types.js';

/**
 * Reading the operation and outcome of an access-log record. Operations are
 * `REST.<METHOD>.<resource>`, `WEBSITE.<METHOD>.<resource>`, `BATCH.DELETE.OBJECT`,
 * `SOAP.<op>` or `S3.<action>.<resource>` (lifecycle and logging, done by S3 itself).
 */

/** A request S3 answered with 2xx, or 304 (the client's copy is current: it had the data). */
export function succeeded(record: AccessLogRecord): boolean {
  const status = record.httpStatus;
  return status !== null && ((status >= 200 && status < 300) || status === 304);
}

/** The HTTP method of a REST or WEBSITE operation (`GET`, `PUT`, ...), else undefined. */
export function methodOf(record: AccessLogRecord): string | undefined {
  const match = /^(?:REST|WEBSITE)\.([A-Z]+)\./.exec(record.operation ?? '');
  return match?.[1];
}

/** A client request over the REST API (not S3's own lifecycle work, not a website endpoint). */
export function isRestRequest(record: AccessLogRecord): boolean {
  return (record.operation ?? '').startsWith('REST.');
}

/** GET or HEAD: reading data or metadata. */
export function isRead(record: AccessLogRecord): boolean {
  const method = methodOf(record);
  return method === 'GET' || method === 'HEAD';
}

/** A request that changes the bucket: PUT, POST, DELETE, COPY, or a batch delete. */
export function isWrite(record: AccessLogRecord): boolean {
  const method = methodOf(record);
  if (method === 'PUT' || method === 'POST' || method === 'DELETE' || method === 'COPY')
    return true;
  return record.operation === 'BATCH.DELETE.OBJECT';
}

/** `arn:aws:s3:::bucket`: how alerts and suppressions name the bucket. */
export function bucketArn(bucket: string): string {
  return `arn:aws:s3:::${bucket}`;
}
