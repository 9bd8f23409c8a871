import type { SourceRef } from './types.js';

/** Machine-readable class of an ingest failure, stable for counting and tests. */
export type IngestErrorCode =
  | 'unreadable'
  | 'not-gzip'
  | 'truncated-gzip'
  /** Gzip framing is damaged (bad CRC, bad block, trailing bytes that are not gzip). */
  | 'corrupt-gzip'
  | 'oversize'
  | 'invalid-utf8'
  | 'invalid-json'
  | 'no-records'
  | 'records-not-array'
  | 'too-deep'
  | 'invalid-record'
  | 'invalid-notification';

/**
 * A bad object or record. Carries where it was found and why, so the CLI and the
 * Lambda can report it (quarantine) while every other object keeps flowing.
 */
export class IngestError extends Error {
  override readonly name = 'IngestError';
  readonly code: IngestErrorCode;
  readonly source: SourceRef;

  constructor(
    code: IngestErrorCode,
    source: SourceRef,
    message: string,
    options?: { cause?: unknown },
  ) {
    const where =
      source.record === undefined ? source.object : `${source.object} record ${source.record}`;
    super(`${where}: ${message}`, options);
    this.code = code;
    this.source = source;
  }
}

/**
 * A path given on the command line (or to `readPaths`) that cannot be used at all:
 * missing, or not readable. The message is `<path>: <reason>` so the CLI can print
 * `trailwatch: <message>` and exit 2.
 */
export class InputPathError extends Error {
  override readonly name = 'InputPathError';
  readonly path: string;
  /** The Node error code behind it (`ENOENT`, `EACCES`, ...), when there was one. */
  readonly code: string | undefined;

  constructor(path: string, reason: string, options?: { cause?: unknown; code?: string }) {
    super(`${path}: ${reason}`, options);
    this.path = path;
    this.code = options?.code;
  }
}
