import { parseAccessLogLine } from './access-log/parse-line.js';
import { detectMode, PROBE_BYTES } from './content-mode.js';
import { describeJsonError } from './json-error.js';
import { type LinePiece, LineSplitter } from './line-splitter.js';
import type { ObjectTally } from './object-tally.js';
import type { ResolvedOptions } from './options.js';
import { RecordSplitter, type SplitPiece } from './record-splitter.js';
import type { IngestItem } from './types.js';

/** What the first bytes of decompressed content say about its encoding. */
export type ContentStart =
  | { readonly ok: true /** Bytes to skip: 3 for a UTF-8 BOM, else 0. */; readonly skip: number }
  | { readonly ok: false; readonly reason: string };

/**
 * Strips exactly one UTF-8 BOM (JSON.parse rejects it; some editors add it) and
 * rejects UTF-16, which Windows PowerShell 5 writes by default.
 */
export function contentStart(head: Buffer): ContentStart {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { ok: true, skip: 3 };
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    return { ok: false, reason: 'content is UTF-16 (byte order mark); save it as UTF-8' };
  }
  return { ok: true, skip: 0 };
}

/**
 * Reads an object's decompressed bytes chunk by chunk: checks the start, decides
 * between a JSON document and JSON Lines, splits records, parses each one and hands
 * it to the tally. Memory stays bounded by one record plus the 1 MiB mode probe.
 */
export class ContentReader {
  /** Bytes held until the mode is known, in a buffer grown by doubling. */
  private probe = Buffer.alloc(0);
  private probeBytes = 0;
  /** Whether the probe has a newline (only then can more bytes change the mode). */
  private probeHasNewline = false;
  private splitter: RecordSplitter | LineSplitter | undefined;
  /** Lines are S3 server access-log records rather than JSON. */
  private accessLog = false;
  private done = false;
  private readonly out: IngestItem[] = [];

  constructor(
    private readonly tally: ObjectTally,
    private readonly name: string,
    private readonly options: ResolvedOptions,
  ) {}

  /** True once the content failed in a way that makes the rest unreadable. */
  get stopped(): boolean {
    return this.done;
  }

  /** Feeds one decompressed chunk; returns the items it completed (the array is reused). */
  push(chunk: Buffer): IngestItem[] {
    this.out.length = 0;
    if (this.done || chunk.length === 0) return this.out;
    if (this.splitter === undefined) this.hold(chunk);
    else this.feed(chunk);
    return this.out;
  }

  /** Ends the content; returns the last items. */
  end(): IngestItem[] {
    this.out.length = 0;
    if (this.done) return this.out;
    if (this.splitter === undefined) this.start(this.probe.subarray(0, this.probeBytes), true);
    if (this.splitter !== undefined && !this.done) {
      const pieces = this.splitter.end();
      for (let i = 0; i < pieces.length; i++) this.take(pieces[i] as SplitPiece | LinePiece);
      if (this.splitter instanceof RecordSplitter && this.splitter.sawValue)
        this.tally.noteContent();
    }
    return this.out;
  }

  /** Buffers a chunk of the probe; retries the mode decision when it can have changed. */
  private hold(chunk: Buffer): void {
    // Usually the first chunk decides on its own: no copy.
    if (this.probeBytes === 0 && chunk.length >= 3 && this.start(chunk, false)) return;
    if (this.probeBytes + chunk.length > this.probe.length) {
      const size = Math.max(2 * this.probe.length, this.probeBytes + chunk.length, 4096);
      const grown = Buffer.allocUnsafe(size);
      this.probe.copy(grown, 0, 0, this.probeBytes);
      this.probe = grown;
    }
    const first = this.probeBytes < 3;
    chunk.copy(this.probe, this.probeBytes);
    this.probeBytes += chunk.length;
    const newline = chunk.includes(0x0a);
    this.probeHasNewline ||= newline;
    if (first || this.probeHasNewline || this.probeBytes >= PROBE_BYTES) {
      this.start(this.probe.subarray(0, this.probeBytes), false);
    }
  }

  /**
   * Checks the start of the content, picks the mode and replays `head` into the
   * splitter. Returns false while more bytes are needed to decide.
   */
  private start(head: Buffer, complete: boolean): boolean {
    if (!complete && head.length < 3) return false;
    const begin = contentStart(head);
    if (!begin.ok) {
      this.out.push(this.tally.objectError('invalid-utf8', begin.reason));
      this.done = true;
      return true;
    }
    const body = head.subarray(begin.skip);
    const mode = detectMode(this.name, body, complete);
    if (mode === undefined) return false;
    const max = this.options.maxRecordBytes;
    this.accessLog = mode === 'access-log';
    this.splitter =
      mode === 'document' ? new RecordSplitter(max, begin.skip) : new LineSplitter(max, begin.skip);
    this.probe = Buffer.alloc(0);
    this.probeBytes = 0;
    this.feed(body);
    return true;
  }

  private feed(chunk: Buffer): void {
    const pieces = (this.splitter as RecordSplitter | LineSplitter).push(chunk);
    for (let i = 0; i < pieces.length && !this.done; i++) {
      this.take(pieces[i] as SplitPiece | LinePiece);
    }
  }

  private take(piece: SplitPiece | LinePiece): void {
    const { tally, out } = this;
    switch (piece.type) {
      case 'element': {
        if (piece.badUtf8) {
          this.emit(
            tally.recordError(
              'invalid-utf8',
              () => `record at byte ${piece.offset} is not valid UTF-8`,
            ),
          );
          return;
        }
        const value = this.parse(piece.text, piece.offset, 'record');
        if (value === FAILED) return;
        const item = tally.parsedRecord(value, piece.text);
        if (item !== undefined) out.push(item);
        return;
      }
      case 'line': {
        if (piece.badUtf8) {
          this.emit(
            tally.recordError('invalid-utf8', () => `line ${piece.line} is not valid UTF-8`),
          );
          return;
        }
        if (this.accessLog) {
          const parsed = parseAccessLogLine(piece.text);
          this.emit(
            parsed.ok
              ? tally.accessLogRecord(parsed.record)
              : tally.recordError(
                  'invalid-record',
                  () => `line ${piece.line}: not an S3 server access-log record (${parsed.reason})`,
                ),
          );
          return;
        }
        const value = this.parse(piece.text, piece.offset, 'line', piece.line);
        if (value !== FAILED)
          for (const item of tally.parsedValue(value, piece.text, true)) out.push(item);
        return;
      }
      case 'value': {
        if (piece.badUtf8) {
          this.emit(
            tally.valueError(
              'invalid-utf8',
              () => `value at byte ${piece.offset} is not valid UTF-8`,
            ),
          );
          return;
        }
        const value = this.parse(piece.text, piece.offset, 'value');
        if (value !== FAILED)
          for (const item of tally.parsedValue(value, piece.text, false)) out.push(item);
        return;
      }
      case 'oversize': {
        const limit = `longer than maxRecordBytes (${this.options.maxRecordBytes} bytes)`;
        if ('line' in piece)
          this.emit(tally.recordError('oversize', `line ${piece.line} is ${limit}`));
        else if (piece.element) {
          this.emit(tally.recordError('oversize', `record at byte ${piece.offset} is ${limit}`));
        } else {
          this.emit(
            tally.valueError('oversize', `top-level value at byte ${piece.offset} is ${limit}`),
          );
        }
        return;
      }
      case 'repeated-records-key':
        out.push(tally.repeatedRecordsKey(true));
        return;
      case 'broken':
        out.push(
          tally.objectError(
            'invalid-json',
            `invalid JSON at byte ${piece.offset}: ${piece.message}`,
          ),
        );
        this.done = true;
        return;
    }
  }

  /** Hands on an item; undefined is a bad record counted but no longer listed. */
  private emit(item: IngestItem | undefined): void {
    if (item !== undefined) this.out.push(item);
  }

  /** JSON.parse, turning a failure into an error item (record-level unless a whole value). */
  private parse(
    text: string,
    offset: number,
    what: 'record' | 'line' | 'value',
    line?: number,
  ): unknown {
    try {
      return JSON.parse(text);
    } catch (error) {
      if (what === 'value') {
        // A top-level value that is not JSON (stray bytes, a second BOM) leaves no safe
        // place to resume, unlike a record or a line.
        const message = describeJsonError(error, text, offset);
        this.out.push(this.tally.objectError('invalid-json', message, error));
        this.done = true;
      } else {
        this.emit(
          this.tally.recordError(
            'invalid-json',
            () => {
              const message = describeJsonError(error, text, offset);
              return what === 'line' ? `line ${line}: ${message}` : message;
            },
            error,
          ),
        );
      }
      return FAILED;
    }
  }
}

/** Marks a failed parse (any JSON value, including null, is a valid result). */
const FAILED: unique symbol = Symbol('failed');
