/**
 * A whole CloudTrail log file as undecoded bytes, split into records (see
 * `lazyRecords`), for deciding cheaply which records are worth parsing. Every
 * search runs once over the whole document (native `Buffer.indexOf`) and its hits
 * are mapped to records, which costs far less than one search per record. Answers
 * are about bytes, not JSON structure: a key found may be nested rather than
 * top-level, so callers treat every occurrence as possibly the real one.
 */
export class RawDocument {
  constructor(
    readonly body: Buffer,
    /** Byte offset where each record starts (its `{`), ascending. */
    readonly starts: readonly number[],
    /** Byte offset just past each record's closing `}`. */
    readonly ends: readonly number[],
  ) {}

  get count(): number {
    return this.starts.length;
  }

  /** Calls `visit` with the index of each record holding `needle`, each record once, in order. */
  forEachContaining(needle: Buffer, visit: (record: number) => void): void {
    let record = 0;
    let at = this.body.indexOf(needle);
    while (at >= 0) {
      record = this.recordAt(at, record);
      if (record < 0) return;
      const start = this.starts[record] as number;
      // A hit between records (in a separator) belongs to none.
      if (start > at) {
        at = this.body.indexOf(needle, start);
        continue;
      }
      visit(record);
      // Past this record: its other hits add nothing.
      at = this.body.indexOf(needle, this.ends[record] as number);
    }
  }

  /** Whether record `record` holds `needle` (a search bounded by the record). */
  includes(record: number, needle: Buffer): boolean {
    return (
      this.body
        .subarray(this.starts[record] as number, this.ends[record] as number)
        .indexOf(needle) >= 0
    );
  }

  /**
   * Calls `visit` for every occurrence of `key` (a {@link keyNeedle}) with the record's
   * index and the value as latin1 text of the raw bytes (ASCII unchanged), or
   * undefined when the value is not a string (a number, an object...). Records flagged
   * in `skip` are passed over without making their strings.
   */
  forEachValue(
    key: KeyNeedle,
    visit: (record: number, value: string | undefined) => void,
    skip?: Uint8Array,
  ): void {
    const { body } = this;
    let record = 0;
    let at = nextKey(body, key, 0);
    while (at >= 0) {
      record = this.recordAt(at, record);
      if (record < 0) return;
      const start = this.starts[record] as number;
      if (start > at) {
        at = nextKey(body, key, start);
        continue;
      }
      if (skip !== undefined && skip[record] === 1) {
        at = nextKey(body, key, at + key.full.length);
        continue;
      }
      const read = readValue(body, at + key.full.length);
      if (read === undefined) return;
      visit(record, read.value);
      at = nextKey(body, key, read.next);
    }
  }

  /**
   * The values of `key` in one record, as {@link forEachValue} gives them: a search
   * bounded by the record, cheaper than a whole-file pass when few records are asked about.
   */
  valuesIn(record: number, key: KeyNeedle): (string | undefined)[] {
    const bytes = this.body.subarray(this.starts[record] as number, this.ends[record] as number);
    const values: (string | undefined)[] = [];
    let at = nextKey(bytes, key, 0);
    while (at >= 0) {
      const read = readValue(bytes, at + key.full.length);
      // A string cut by the record's end cannot be read: let the caller parse the record.
      if (read === undefined) return [undefined];
      values.push(read.value);
      at = nextKey(bytes, key, read.next);
    }
    return values;
  }

  /** The first record from `from` on that ends after byte `at`; -1 past the last one. */
  private recordAt(at: number, from: number): number {
    let record = from;
    while (record < this.ends.length && (this.ends[record] as number) <= at) record++;
    return record < this.ends.length ? record : -1;
  }
}

/** The bytes that open the value of a key, `"key":` as CloudTrail writes it, ready to search. */
export interface KeyNeedle {
  readonly full: Buffer;
  /** The part of `full` searched for: from its first rare letter on. */
  readonly anchor: Buffer;
  readonly offset: number;
}

/**
 * Letters rarely met in CloudTrail JSON. `Buffer.indexOf` scans for a needle's first
 * byte, so a needle that starts with `"` (every few bytes in JSON) is several times
 * slower than one that starts with, say, the `v` of `ventName":` or the `I` of
 * `IPAddress":`.
 */
const RARE = new Set('gjkqvwxyzIPQXZJKV');

export function keyNeedle(key: string): KeyNeedle {
  const full = Buffer.from(`"${key}":`, 'latin1');
  let offset = 0;
  for (let i = 1; i < key.length + 1; i++) {
    if (RARE.has(String.fromCharCode(full[i] as number))) {
      offset = i;
      break;
    }
  }
  return { full, anchor: full.subarray(offset), offset };
}

const QUOTE = 0x22;

/** Where the next whole `key` starts in `bytes` at or after `from`; -1 if nowhere. */
function nextKey(bytes: Buffer, key: KeyNeedle, from: number): number {
  const { full, anchor, offset } = key;
  let hit = bytes.indexOf(anchor, from + offset);
  while (hit >= 0) {
    const at = hit - offset;
    // The anchor is the key's tail: check the head too, or this was another key.
    if (offset === 0 || bytes.compare(full, 0, offset, at, hit) === 0) return at;
    hit = bytes.indexOf(anchor, hit + 1);
  }
  return -1;
}

/**
 * The value starting at `from`: its latin1 text if it is a string (undefined if it is
 * something else), and where to search on; undefined when the string never closes.
 */
function readValue(
  bytes: Buffer,
  from: number,
): { value: string | undefined; next: number } | undefined {
  if (bytes[from] !== QUOTE) return { value: undefined, next: from };
  const to = bytes.indexOf(QUOTE, from + 1);
  if (to < 0) return undefined;
  return { value: bytes.toString('latin1', from + 1, to), next: to };
}
