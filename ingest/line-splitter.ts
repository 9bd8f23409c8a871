import { collectText, type TextCollector } from './text-collector.js';

/** One non-blank line of a JSON Lines stream, or one that was too long to keep. */
export type LinePiece =
  | {
      readonly type: 'line';
      readonly text: string;
      readonly offset: number;
      /** 1-based line number, counting blank lines. */
      readonly line: number;
      readonly badUtf8: boolean;
    }
  | { readonly type: 'oversize'; readonly offset: number; readonly line: number };

const NEWLINE = 0x0a;

/**
 * Splits JSON Lines on `\n` bytes. Raw newlines cannot occur inside JSON strings, so
 * a broken line never swallows the next one: each line stands or falls alone.
 */
export class LineSplitter {
  private readonly text: TextCollector;
  private readonly out: LinePiece[] = [];
  private base: number;
  private line = 1;
  /** Whether the current line has a non-whitespace byte yet. */
  private content = false;

  /**
   * @param maxBytes longest line kept.
   * @param startOffset absolute offset of the first byte pushed.
   */
  constructor(maxBytes: number, startOffset = 0) {
    this.text = collectText(maxBytes);
    this.base = startOffset;
  }

  /** Scans one chunk; returns the lines completed in it (the array is reused). */
  push(chunk: Buffer): LinePiece[] {
    this.out.length = 0;
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (!this.text.active) this.text.begin(chunk, i, this.base + i);
      const newline = chunk.indexOf(NEWLINE, i);
      const end = newline === -1 ? n : newline;
      if (!this.content) this.content = hasContent(chunk, i, end);
      if (newline === -1) break;
      this.finishLine(chunk, newline);
      i = newline + 1;
    }
    if (this.text.active) this.text.keep(chunk, n);
    this.base += n;
    return this.out;
  }

  /** Ends the stream; returns the last line if it had no trailing newline. */
  end(): LinePiece[] {
    this.out.length = 0;
    if (this.text.active) this.finishLine(Buffer.alloc(0), 0);
    return this.out;
  }

  private finishLine(chunk: Buffer, end: number): void {
    const offset = this.text.start;
    const line = this.line++;
    if (!this.content) {
      this.text.cancel();
      return;
    }
    this.content = false;
    const got = this.text.finish(chunk, end);
    if (got === undefined) this.out.push({ type: 'oversize', offset, line });
    else this.out.push({ type: 'line', text: got.text, offset, line, badUtf8: got.badUtf8 });
  }
}

function hasContent(b: Buffer, i: number, end: number): boolean {
  for (; i < end; i++) {
    const c = b[i];
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return true;
  }
  return false;
}
