import { isUtf8 } from 'node:buffer';
import { RawDocument } from './raw-document.js';
import { UNPARSED } from './unparsed.js';

/**
 * Decides, from the raw bytes of a document's records, which must be parsed: one
 * flag per record, 0 only when no detector could match it whatever the rest of
 * its content.
 */
export type RecordFilter = (document: RawDocument) => Uint8Array;

export { UNPARSED };

const HEAD = Buffer.from('{"Records":[{"eventVersion":"', 'latin1');
/** Between two records, as CloudTrail writes them: the next one opens with eventVersion. */
const BETWEEN = Buffer.from('},{"eventVersion":"', 'latin1');
const TAIL = Buffer.from('}]}', 'latin1');
const RECORDS_OPEN = '{"Records":['.length;

/**
 * Splits a whole, decompressed CloudTrail log file into records without parsing
 * them, and parses only those `wanted` keeps. Parsing is most of a scan's cost and
 * most records of a busy account (reads, describes, service calls) are matched by
 * no detector, so this is what lets a scan run faster than `JSON.parse` alone.
 *
 * It relies on the compact form CloudTrail writes: `{"Records":[{"eventVersion":…},
 * {"eventVersion":…}]}`. The separator `},{"eventVersion":"` cannot occur inside a
 * JSON string (its quotes would be escaped), only between array elements; if a
 * record nests an array of objects whose first key is `eventVersion`, the split
 * cuts that record into pieces none of which is valid JSON on its own. So any
 * piece that is parsed either parses as a whole object or makes this give up, and
 * a piece passed over is one `wanted` judged harmless from its own bytes.
 *
 * Returns one entry per record, in order: the parsed value or {@link UNPARSED}.
 * Returns undefined when `body` is not in that form, is not valid UTF-8, or a
 * parsed piece is not one JSON object: the caller then reads the document the
 * ordinary way, so this is only ever a shortcut.
 */
export function lazyRecords(body: Buffer, wanted: RecordFilter): unknown[] | undefined {
  if (!startsWith(body, HEAD, 0)) return undefined;
  let last = body.length;
  while (last > 0 && isSpace(body[last - 1] as number)) last--;
  if (last < HEAD.length + TAIL.length || !startsWith(body, TAIL, last - TAIL.length)) {
    return undefined;
  }
  // Invalid UTF-8 would be replaced silently by toString(); the ordinary path reports it.
  if (!isUtf8(body)) return undefined;
  const lastEnd = last - TAIL.length + 1;
  const starts: number[] = [];
  const ends: number[] = [];
  let from = RECORDS_OPEN;
  for (;;) {
    const between = body.indexOf(BETWEEN, from);
    const end = between < 0 || between >= lastEnd ? lastEnd : between + 1;
    starts.push(from);
    ends.push(end);
    if (end === lastEnd) break;
    from = end + 1;
  }
  const keep = wanted(new RawDocument(body, starts, ends));
  const records: unknown[] = new Array(starts.length);
  for (let i = 0; i < starts.length; i++) {
    if (keep[i] !== 1) {
      records[i] = UNPARSED;
      continue;
    }
    const value = parseObject(body.subarray(starts[i], ends[i]));
    if (value === undefined) return undefined;
    records[i] = value;
  }
  return records;
}

function parseObject(piece: Buffer): object | undefined {
  let value: unknown;
  try {
    value = JSON.parse(piece.toString('utf8'));
  } catch {
    return undefined;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}

function startsWith(body: Buffer, prefix: Buffer, at: number): boolean {
  return (
    body.length - at >= prefix.length &&
    body.compare(prefix, 0, prefix.length, at, at + prefix.length) === 0
  );
}

/** JSON whitespace: space, tab, line feed, carriage return. */
function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}
