import { parseAccessLogLine } from './parse-line.js';

/** Longest first line examined when sniffing: real access-log lines are a few KB at most. */
export const MAX_SNIFF_CHARS = 64 * 1024;

/**
 * Whether a first line reads as an S3 server access-log record: it parses (real
 * bracketed time, numeric fields in place) and starts with a bucket owner's
 * canonical user id. Content is judged, not the object's name: S3 names log
 * objects `YYYY-mm-DD-HH-MM-SS-<unique>` with no extension.
 */
export function looksLikeAccessLogLine(line: string): boolean {
  if (line.length > MAX_SNIFF_CHARS || !line.includes(' [')) return false;
  const parsed = parseAccessLogLine(line);
  return (
    parsed.ok && parsed.record.bucketOwner !== null && CANONICAL_ID.test(parsed.record.bucketOwner)
  );
}

const CANONICAL_ID = /^[0-9a-f]{64}$/;
