import { collectText, type TextCollector } from './text-collector.js';

/** One thing the splitter found in the byte stream. */
export type SplitPiece =
  /** One element of a `Records` array or of a top-level array. */
  | {
      readonly type: 'element';
      readonly text: string;
      readonly offset: number;
      readonly badUtf8: boolean;
    }
  /** A complete top-level value that was not streamed element by element. */
  | {
      readonly type: 'value';
      readonly text: string;
      readonly offset: number;
      readonly badUtf8: boolean;
    }
  /** An element (or top-level value) longer than the cap; its bytes were dropped. */
  | { readonly type: 'oversize'; readonly offset: number; readonly element: boolean }
  /**
   * A top-level object's `Records` key came again (at `offset`), once per object.
   * CloudTrail writes one; the arrays of every such key are streamed all the same.
   */
  | { readonly type: 'repeated-records-key'; readonly offset: number }
  /** The JSON structure is broken here; nothing more will be reported. */
  | { readonly type: 'broken'; readonly offset: number; readonly message: string };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
/** The key that, at depth 1 of a top-level object, holds CloudTrail's record array. */
const RECORDS = Buffer.from('Records', 'latin1');
/** Longest depth-1 key kept for decoding: `"Records"` with every letter escaped (`\u0052`...) fits. */
const MAX_KEY_BYTES = 64;

enum State {
  /** Between top-level values. */
  Top,
  /** Inside a top-level object, keeping its bytes until we know whether it holds `Records`. */
  Envelope,
  /** Between elements of a streamed array. */
  Gap,
  /** Inside an element that is an object or array. */
  Element,
  /** Inside a string or bare scalar element / top-level value. */
  Scalar,
  /**
   * Inside the rest of a top-level object after a `Records` array, watching its
   * depth-1 keys like `Envelope` (a second `Records` array is streamed too) without
   * keeping its bytes.
   */
  Tail,
  /** Structure broken: ignore everything. */
  Broken,
}

enum Key {
  /** Next depth-1 string is a key. */
  Expect,
  /** Inside a depth-1 key string. */
  Inside,
  /** Key read; `:` comes next. */
  After,
  /** After `:`; the value comes next. */
  Value,
  /** Inside or after a value; `,` or `}` comes next. */
  Done,
}

enum Sep {
  /** Just after `[`: an element or `]`. */
  First,
  /** After an element: `,` or `]`. */
  AfterElement,
  /** After `,`: an element. */
  AfterComma,
}

/**
 * Finds record boundaries in a stream of JSON bytes without parsing the records, so a
 * file of any size is read with memory bounded by one record (research/performance.md:
 * the streaming splitter is the only route that holds 1 GiB files in ~120 MiB).
 *
 * It understands a sequence of top-level values (normally one; `zcat *.json.gz` and
 * multi-member gzip give several). A top-level object whose depth-1 key `Records`
 * holds an array has that array's elements emitted one by one; a top-level array has
 * its elements emitted; any other top-level value is emitted whole (bounded by
 * `maxBytes`) for the caller to recognise. It only tracks strings, escapes and
 * bracket depth, so it works on raw UTF-8 bytes split anywhere (multi-byte characters
 * never contain ASCII bytes); each piece is validated later by `JSON.parse`. Separators
 * between streamed elements are checked, so a missing comma or truncated array is
 * reported as `broken` at its byte offset.
 */
export class RecordSplitter {
  private state = State.Top;
  private depth = 0;
  private inString = false;
  /** The byte before the chunk boundary was a backslash inside a string. */
  private escaped = false;
  /** Depth of the array whose elements are streamed: 1 (top-level array) or 2 (`Records`). */
  private elementDepth = 0;
  private sep = Sep.First;
  private key = Key.Expect;
  /** Bytes of the current depth-1 key matched against `Records`, or -1 once it differs. */
  private keyMatch = 0;
  private keyIsRecords = false;
  /** The current depth-1 key's bytes (up to MAX_KEY_BYTES), to decode one spelled with escapes. */
  private readonly keyBytes = Buffer.alloc(MAX_KEY_BYTES);
  private keyLength = 0;
  private keyEscaped = false;
  /** Absolute offset of the current depth-1 key. */
  private keyOffset = 0;
  /** `Records` keys met at depth 1 of the current top-level object. */
  private recordsKeys = 0;
  /** Whether the current scalar is a string (ends at its closing quote) or bare. */
  private scalarIsString = false;
  /** Absolute offset of the current chunk's first byte. */
  private base = 0;
  private readonly text: TextCollector;
  private readonly out: SplitPiece[] = [];
  /** Whether any top-level value started (`{"Records":[]}` has content but no pieces). */
  sawValue = false;

  /**
   * @param maxBytes largest element or buffered top-level value kept.
   * @param startOffset absolute offset of the first byte pushed (e.g. 3 after a BOM).
   */
  constructor(maxBytes: number, startOffset = 0) {
    this.text = collectText(maxBytes);
    this.base = startOffset;
  }

  /** Scans one chunk; returns the pieces completed in it (the array is reused). */
  push(chunk: Buffer): SplitPiece[] {
    this.out.length = 0;
    const n = chunk.length;
    let i = 0;
    while (i < n && this.state !== State.Broken) {
      switch (this.state) {
        case State.Top:
          i = this.top(chunk, i, n);
          break;
        case State.Envelope:
          i = this.envelope(chunk, i, n);
          break;
        case State.Gap:
          i = this.gap(chunk, i, n);
          break;
        case State.Element:
          i = this.nested(chunk, i, n, this.elementDepth);
          if (i >= 0) {
            this.emit(chunk, i, 'element');
            this.state = State.Gap;
            this.sep = Sep.AfterElement;
          } else i = n;
          break;
        case State.Scalar:
          i = this.scalar(chunk, i, n);
          break;
        case State.Tail:
          i = this.envelope(chunk, i, n);
          break;
      }
    }
    if (this.text.active) this.text.keep(chunk, n);
    this.base += n;
    return this.out;
  }

  /** Ends the stream; returns the last pieces (a bare top-level number, or `broken`). */
  end(): SplitPiece[] {
    this.out.length = 0;
    switch (this.state) {
      case State.Top:
      case State.Broken:
        break;
      case State.Scalar:
        if (this.elementDepth === 0 && !this.scalarIsString) {
          this.emit(Buffer.alloc(0), 0, 'value');
          this.state = State.Top;
        } else this.fail(this.text.start, 'content ends inside a value (truncated file?)');
        break;
      case State.Envelope:
        this.fail(this.text.start, 'content ends inside the top-level object (truncated file?)');
        break;
      case State.Element:
        this.fail(this.text.start, 'content ends inside a record (truncated file?)');
        break;
      case State.Tail:
        this.fail(
          this.base,
          'content ends before the top-level object is closed (truncated file?)',
        );
        break;
      default:
        this.fail(this.base, 'content ends before the array is closed (truncated file?)');
    }
    return this.out;
  }

  /** Between top-level values: start the next one. */
  private top(b: Buffer, i: number, n: number): number {
    while (i < n) {
      const c = b[i] as number;
      if (isSpace(c)) {
        i++;
        continue;
      }
      this.sawValue = true;
      if (c === OPEN_BRACE) {
        this.text.begin(b, i, this.base + i);
        this.state = State.Envelope;
        this.depth = 1;
        this.key = Key.Expect;
        this.recordsKeys = 0;
        return i + 1;
      }
      if (c === OPEN_BRACKET) {
        this.openArray(1);
        return i + 1;
      }
      if (c === CLOSE_BRACE || c === CLOSE_BRACKET || c === COMMA || c === COLON) {
        this.fail(this.base + i, `unexpected '${String.fromCharCode(c)}' between top-level values`);
        return n;
      }
      this.startScalar(b, i, 0);
      return i + (c === QUOTE ? 1 : 0);
    }
    return i;
  }

  private openArray(depth: number): void {
    this.state = State.Gap;
    this.depth = depth;
    this.elementDepth = depth;
    this.sep = Sep.First;
  }

  private startScalar(b: Buffer, i: number, elementDepth: number): void {
    this.text.begin(b, i, this.base + i);
    this.state = State.Scalar;
    this.scalarIsString = b[i] === QUOTE;
    this.inString = this.scalarIsString;
    this.elementDepth = elementDepth;
  }

  /**
   * Inside a top-level object at depth >= 1 (`Envelope` or `Tail`), watching depth-1
   * keys for `Records`, however spelled: `JSON.parse` decodes `"Re\u0063ords"` too.
   */
  private envelope(b: Buffer, i: number, n: number): number {
    while (i < n) {
      if (this.depth > 1) {
        const j = this.nested(b, i, n, 1);
        if (j < 0) return n;
        i = j;
        this.key = Key.Done;
        continue;
      }
      if (this.inString) {
        const j = this.key === Key.Inside ? this.keyString(b, i, n) : this.string(b, i, n);
        if (j < 0) return n;
        i = j;
        if (this.key === Key.Inside) {
          this.key = Key.After;
          this.keyIsRecords =
            this.keyMatch === RECORDS.length || (this.keyEscaped && this.escapedKeyIsRecords());
          if (this.keyIsRecords && ++this.recordsKeys === 2) {
            this.out.push({ type: 'repeated-records-key', offset: this.keyOffset });
          }
        } else this.key = Key.Done;
        continue;
      }
      const c = b[i++] as number;
      if (c === QUOTE) {
        this.inString = true;
        if (this.key === Key.Expect) {
          this.key = Key.Inside;
          this.keyMatch = 0;
          this.keyLength = 0;
          this.keyEscaped = false;
          this.keyOffset = this.base + i - 1;
        }
      } else if (c === COLON) {
        if (this.key === Key.After) this.key = Key.Value;
      } else if (c === COMMA) {
        this.key = Key.Expect;
        this.keyIsRecords = false;
      } else if (c === OPEN_BRACKET && this.key === Key.Value && this.keyIsRecords) {
        // CloudTrail's shape: stream the array; the envelope bytes so far are not needed.
        if (this.state === State.Envelope) this.text.cancel();
        this.openArray(2);
        return i;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        this.depth++;
        this.key = Key.Done;
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.depth = 0;
        if (this.state === State.Envelope) this.emit(b, i, 'value');
        this.state = State.Top;
        return i;
      } else if (this.key === Key.Value && !isSpace(c)) this.key = Key.Done;
    }
    return i;
  }

  /** Between elements of a streamed array: check separators, start the next element. */
  private gap(b: Buffer, i: number, n: number): number {
    while (i < n) {
      const c = b[i] as number;
      if (isSpace(c)) {
        i++;
        continue;
      }
      if (c === COMMA) {
        if (this.sep !== Sep.AfterElement) return this.failAt(i, n, "unexpected ','");
        this.sep = Sep.AfterComma;
        i++;
        continue;
      }
      if (c === CLOSE_BRACKET) {
        if (this.sep === Sep.AfterComma) return this.failAt(i, n, "trailing ',' before ']'");
        this.depth = this.elementDepth - 1;
        this.state = this.depth === 0 ? State.Top : State.Tail;
        this.key = Key.Done;
        this.elementDepth = 0;
        return i + 1;
      }
      if (c === CLOSE_BRACE || c === COLON) {
        return this.failAt(i, n, `unexpected '${String.fromCharCode(c)}' in an array`);
      }
      if (this.sep === Sep.AfterElement) return this.failAt(i, n, "missing ',' between elements");
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        this.text.begin(b, i, this.base + i);
        this.state = State.Element;
        this.depth = this.elementDepth + 1;
        return i + 1;
      }
      this.startScalar(b, i, this.elementDepth);
      return i + (c === QUOTE ? 1 : 0);
    }
    return i;
  }

  /** A string or bare scalar (number, literal, garbage) as an element or top-level value. */
  private scalar(b: Buffer, i: number, n: number): number {
    const top = this.elementDepth === 0;
    if (this.scalarIsString) {
      const j = this.string(b, i, n);
      if (j < 0) return n;
      this.emit(b, j, top ? 'value' : 'element');
      this.afterScalar(top);
      return j;
    }
    while (i < n) {
      const c = b[i] as number;
      if (
        isSpace(c) ||
        c === COMMA ||
        c === CLOSE_BRACKET ||
        c === CLOSE_BRACE ||
        c === OPEN_BRACE ||
        c === OPEN_BRACKET ||
        c === QUOTE ||
        c === COLON
      ) {
        this.emit(b, i, top ? 'value' : 'element');
        this.afterScalar(top);
        return i;
      }
      i++;
    }
    return i;
  }

  private afterScalar(top: boolean): void {
    if (top) this.state = State.Top;
    else {
      this.state = State.Gap;
      this.sep = Sep.AfterElement;
    }
  }

  /**
   * The hot loop: skips strings and counts brackets until depth falls back to `target`.
   * Returns the index just past that closing bracket, or -1 when the chunk ran out.
   * Strings are skipped with `indexOf` (memchr) to the next quote, which closes the
   * string unless an odd run of backslashes precedes it.
   */
  private nested(b: Buffer, i: number, n: number, target: number): number {
    let depth = this.depth;
    let inString = this.inString;
    if (this.escaped) {
      this.escaped = false;
      i++;
    }
    for (;;) {
      if (inString) {
        for (;;) {
          const quote = b.indexOf(QUOTE, i);
          if (quote === -1) {
            this.escaped = (backslashRun(b, n, i) & 1) === 1;
            this.depth = depth;
            this.inString = true;
            return -1;
          }
          const run = backslashRun(b, quote, i);
          i = quote + 1;
          if ((run & 1) === 0) break;
        }
        inString = false;
      }
      while (i < n) {
        const c = b[i++] as number;
        if (c === QUOTE) {
          inString = true;
          break;
        }
        if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
        else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === target) {
          this.depth = depth;
          this.inString = false;
          return i;
        }
      }
      if (!inString) {
        this.depth = depth;
        this.inString = false;
        return -1;
      }
    }
  }

  /** Skips to the end of a string; returns the index past its closing quote or -1. */
  private string(b: Buffer, i: number, n: number): number {
    if (this.escaped) {
      this.escaped = false;
      i++;
    }
    while (i < n) {
      const c = b[i] as number;
      if (c === QUOTE) {
        this.inString = false;
        return i + 1;
      }
      if (c === BACKSLASH) {
        i += 2;
        if (i > n) this.escaped = true;
      } else i++;
    }
    return -1;
  }

  /**
   * Like `string`, also matching the key against `Records` byte by byte, and keeping
   * its bytes so that a key spelled with escapes can be decoded at its end.
   */
  private keyString(b: Buffer, i: number, n: number): number {
    if (this.escaped) {
      this.escaped = false;
      this.keepKeyByte(b[i] as number);
      i++;
    }
    while (i < n) {
      const c = b[i] as number;
      if (c === QUOTE) {
        this.inString = false;
        return i + 1;
      }
      this.keepKeyByte(c);
      if (c === BACKSLASH) {
        this.keyMatch = -1;
        this.keyEscaped = true;
        if (i + 1 < n) this.keepKeyByte(b[i + 1] as number);
        else this.escaped = true;
        i += 2;
        continue;
      }
      if (this.keyMatch >= 0) {
        this.keyMatch =
          this.keyMatch < RECORDS.length && RECORDS[this.keyMatch] === c ? this.keyMatch + 1 : -1;
      }
      i++;
    }
    return -1;
  }

  private keepKeyByte(c: number): void {
    if (this.keyLength < MAX_KEY_BYTES) this.keyBytes[this.keyLength] = c;
    this.keyLength++;
  }

  /** Whether the depth-1 key just read, spelled with escapes, decodes to `Records`. */
  private escapedKeyIsRecords(): boolean {
    if (this.keyLength > MAX_KEY_BYTES) return false;
    try {
      return JSON.parse(`"${this.keyBytes.toString('utf8', 0, this.keyLength)}"`) === 'Records';
    } catch {
      return false;
    }
  }

  private emit(b: Buffer, end: number, kind: 'element' | 'value'): void {
    const offset = this.text.start;
    const got = this.text.finish(b, end);
    if (got === undefined) this.out.push({ type: 'oversize', offset, element: kind === 'element' });
    else this.out.push({ type: kind, text: got.text, offset, badUtf8: got.badUtf8 });
  }

  private failAt(i: number, n: number, message: string): number {
    this.fail(this.base + i, message);
    return n;
  }

  private fail(offset: number, message: string): void {
    this.text.cancel();
    this.state = State.Broken;
    this.out.push({ type: 'broken', offset, message });
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Number of backslashes right before index `end`, not looking before `from`. */
function backslashRun(b: Buffer, end: number, from: number): number {
  let k = end - 1;
  while (k >= from && b[k] === BACKSLASH) k--;
  return end - 1 - k;
}
