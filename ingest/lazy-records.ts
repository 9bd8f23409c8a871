import { isUtf8 } from 'node:buffer';
import { scanDuplicateKeys } from './duplicate-keys.js';
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
 * A second top-level `Records` key (`…}],"Records":[{…`) lies inside some piece, which
 * then holds these bytes, or a backslash if the key is spelled with escapes.
 */
const RECORDS_KEY = Buffer.from('"Records"', 'latin1');
const BACKSLASH = Buffer.from('\\', 'latin1');
/**
 * Nesting up to which a parsed record is checked for repeated keys here; a deeper
 * record goes to the ordinary reader, which checks it against the reader's own limit.
 */
const MAX_CHECKED_DEPTH = 100;

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
 * A file whose top-level `Records` key repeats (`{"Records":[…],"Records":[…]}`, which
 * `JSON.parse` reads as the last array alone) has a piece spanning the junction, which
 * holds `"Records"` (or a backslash, if the key is spelled with escapes). Such a piece
 * is always parsed, read or not, fails to parse as one object, and the file goes to
 * the ordinary reader, which reports it. A parsed record that repeats a key (see
 * duplicate-keys.ts) sends the file there too: the ordinary reader reports it, and
 * this shortcut stays a shortcut. Records passed over are never scanned: no detector
 * can match them whatever their keys say, so their repeats change no alert.
 *
 * Returns one entry per record, in order: the parsed value or {@link UNPARSED}.
 * Returns undefined when `body` is not in that form, is not valid UTF-8, or a
 * parsed piece is not one JSON object or repeats a key: the caller then reads the
 * document the ordinary way, so this is only ever a shortcut.
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
  const document = new RawDocument(body, starts, ends);
  const keep = wanted(document);
  // Pieces that may span a second Records key must be one object, read or not.
  const suspect = new Uint8Array(starts.length);
  const mark = (record: number) => {
    suspect[record] = 1;
  };
  document.forEachContaining(RECORDS_KEY, mark);
  document.forEachContaining(BACKSLASH, mark);
  const records: unknown[] = new Array(starts.length);
  for (let i = 0; i < starts.length; i++) {
    if (keep[i] !== 1) {
      if (suspect[i] === 1 && parseObject(body.subarray(starts[i], ends[i])) === undefined) {
        return undefined;
      }
      records[i] = UNPARSED;
      continue;
    }
    const value = parseObject(body.subarray(starts[i], ends[i]));
    if (value === undefined) return undefined;
    records[i] = value;
  }
  return records;
}

/** The piece as an object, or undefined when it is not one JSON object or repeats a key. */
function parseObject(piece: Buffer): object | undefined {
  const text = piece.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const scan = scanDuplicateKeys(text, MAX_CHECKED_DEPTH);
  return scan.duplicates.length > 0 || scan.tooDeep ? undefined : value;
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
