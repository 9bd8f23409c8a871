import type { SourceRef } from './types.js';

/** Machine-readable class of an ingest failure, stable for counting and tests. */
export type IngestErrorCode =
  | 'unreadable'
  | 'not-gzip'
  | 'truncated-gzip'
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
