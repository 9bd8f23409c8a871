import { isUtf8 } from 'node:buffer';

/** Decoded text of one collected byte range, and whether its UTF-8 was invalid. */
export interface CollectedText {
  readonly text: string;
  /** The bytes were not valid UTF-8 (decoding replaced them with U+FFFD). */
  readonly badUtf8: boolean;
}

/**
 * Gathers the bytes of one record that may span chunks, up to a cap, and decodes
 * them once. Bytes kept across chunks are copied, because a stream may reuse its
 * chunk buffers once they are handed over.
 */
export interface TextCollector {
  /** A range is being collected. */
  readonly active: boolean;
  /** Absolute offset of the range's first byte. */
  readonly start: number;
  /** Starts a range at index `i` of chunk `b`, absolute offset `offset`. */
  begin(b: Buffer, i: number, offset: number): void;
  /** The chunk ends inside the range: keep its bytes from the range start up to `n`. */
  keep(b: Buffer, n: number): void;
  /** The range ends at index `end` (exclusive) of `b`; undefined if it exceeded the cap. */
  finish(b: Buffer, end: number): CollectedText | undefined;
  /** Drops the range. */
  cancel(): void;
}

/** A collector that keeps at most `maxBytes` bytes per range. */
export function collectText(maxBytes: number): TextCollector {
  return new Collector(maxBytes);
}

class Collector implements TextCollector {
  active = false;
  start = 0;
  /** Index in the current chunk where this range's bytes start. */
  private from = 0;
  private readonly pieces: Buffer[] = [];
  private size = 0;
  private over = false;

  constructor(private readonly maxBytes: number) {}

  begin(_b: Buffer, i: number, offset: number): void {
    this.active = true;
    this.start = offset;
    this.from = i;
    this.pieces.length = 0;
    this.size = 0;
    this.over = false;
  }

  keep(b: Buffer, n: number): void {
    const length = n - this.from;
    this.size += length;
    if (this.size > this.maxBytes) {
      this.over = true;
      this.pieces.length = 0;
    } else if (length > 0) {
      this.pieces.push(Buffer.from(b.subarray(this.from, n)));
    }
    this.from = 0;
  }

  finish(b: Buffer, end: number): CollectedText | undefined {
    this.active = false;
    const total = this.size + end - this.from;
    if (this.over || total > this.maxBytes) {
      this.pieces.length = 0;
      return undefined;
    }
    let bytes: Buffer | undefined;
    let text: string;
    if (this.pieces.length === 0) text = b.toString('utf8', this.from, end);
    else {
      this.pieces.push(b.subarray(this.from, end));
      bytes = Buffer.concat(this.pieces, total);
      this.pieces.length = 0;
      text = bytes.toString('utf8');
    }
    // Decoding is lossy; only a U+FFFD in the result can mean bad input, so the strict
    // check runs on those rare records only.
    const badUtf8 = text.indexOf('\uFFFD') !== -1 && !isUtf8(bytes ?? b.subarray(this.from, end));
    return { text, badUtf8 };
  }

  cancel(): void {
    this.active = false;
    this.pieces.length = 0;
  }
}
