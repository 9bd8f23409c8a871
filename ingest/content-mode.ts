import { looksLikeAccessLogLine, MAX_SNIFF_CHARS } from './access-log/sniff.js';

/**
 * How the decompressed bytes of an object are split into values: JSON documents,
 * JSON Lines, or S3 server access-log lines.
 */
export type ContentMode = 'document' | 'lines' | 'access-log';

/** Look no further than this for the end of the first line. */
export const PROBE_BYTES = 1024 * 1024;

/** How every CloudTrail log file starts. */
const RECORDS_START = Buffer.from('{"Records"');

const JSON_LINES_NAME = /\.(jsonl|ndjson)(\.gz)?$/i;

/**
 * Decides between one JSON document (CloudTrail's `{"Records":[...]}`, an array, a
 * single event; possibly several concatenated) and JSON Lines. Returns undefined
 * while `head` is too short to tell and more bytes may come.
 *
 * JSON Lines when the name says so (`.jsonl`, `.ndjson`), or when the first
 * non-blank line is a complete JSON object or array on its own and another non-blank
 * line follows (and the content does not start like a CloudTrail log file: log files
 * on consecutive lines read the same either way). A one-line CloudTrail file has no second line, and a pretty-printed
 * document's first line (`{`) is not complete JSON, so both stay documents. The
 * first line is only looked for within `PROBE_BYTES`, which keeps the probe bounded.
 *
 * Content that does not start like JSON is an S3 server access log when its first
 * line reads as an access-log record (see `looksLikeAccessLogLine`), else a
 * document (which then fails as invalid JSON, as before).
 */
export function detectMode(name: string, head: Buffer, complete: boolean): ContentMode | undefined {
  if (JSON_LINES_NAME.test(name)) return 'lines';
  const start = skipSpace(head, 0);
  if (start === head.length) return complete ? 'document' : undefined;
  const first = head[start];
  if (first !== 0x7b && first !== 0x5b) return accessLogOrDocument(head, start, complete);
  // CloudTrail's own shape: decide at once instead of buffering a 1 MiB first line.
  if (head.subarray(start, start + RECORDS_START.length).equals(RECORDS_START)) return 'document';
  const newline = head.indexOf(0x0a, start);
  if (newline === -1 || newline - start > PROBE_BYTES) {
    return complete || head.length >= PROBE_BYTES ? 'document' : undefined;
  }
  if (skipSpace(head, newline + 1) === head.length) {
    return complete || head.length >= 2 * PROBE_BYTES ? 'document' : undefined;
  }
  try {
    const value: unknown = JSON.parse(head.toString('utf8', start, newline));
    return typeof value === 'object' && value !== null ? 'lines' : 'document';
  } catch {
    return 'document';
  }
}

/** Access-log mode when the first line is an access-log record; undefined while it is incomplete. */
function accessLogOrDocument(
  head: Buffer,
  start: number,
  complete: boolean,
): ContentMode | undefined {
  const newline = head.indexOf(0x0a, start);
  const end = newline === -1 ? head.length : newline;
  // Bytes, not characters: a line this long is no access-log line whatever its encoding.
  if (end - start > 4 * MAX_SNIFF_CHARS) return 'document';
  if (newline === -1 && !complete) return undefined;
  return looksLikeAccessLogLine(head.toString('utf8', start, end)) ? 'access-log' : 'document';
}

function skipSpace(b: Buffer, i: number): number {
  while (i < b.length) {
    const c = b[i];
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    i++;
  }
  return i;
}
