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
  /** A key repeated within one JSON object: the record or file was altered (DuplicateKeyError). */
  | 'duplicate-key'
  | 'invalid-notification';

/**
 * A bad object or record. Carries where it was found and why, so the CLI and the
 * Lambda can report it (quarantine) while every other object keeps flowing.
 */
export class IngestError extends Error {
  override readonly name: string = 'IngestError';
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

const CHECK_THE_FILE =
  'compare the file with its CloudTrail digest (aws cloudtrail validate-logs) and check who can write to the bucket';

/**
 * A key repeated within one JSON object of a record, or a file's `Records` key
 * repeated. CloudTrail never writes either, and readers disagree on which value
 * counts (`JSON.parse` the last, DuckDB neither, others the first), so the log was
 * altered after delivery to hide or forge an event. Such a record is reported and not
 * read: no value of it can be trusted, reading the last would let whoever wrote it
 * pick what detection sees, and the investigation's DuckDB load skips it too (see
 * `ingest/duplicate-keys.ts`). Of a file with several `Records` arrays, every
 * array's records are read: none is the real one more than another.
 */
export class DuplicateKeyError extends IngestError {
  override readonly name = 'DuplicateKeyError';
  /** The repeated key: a path inside the record (`userIdentity.arn`), or `Records` for the file. */
  readonly keyPath: string;

  /** `message` says what was read instead, if anything; see the factories below. */
  constructor(source: SourceRef, keyPath: string, message: string) {
    super('duplicate-key', source, `${message}; ${CHECK_THE_FILE}`);
    this.keyPath = keyPath;
  }

  /** A record (`source.record` set) with a key repeated at `keyPath` inside it. */
  static inRecord(source: SourceRef, keyPath: string): DuplicateKeyError {
    return new DuplicateKeyError(
      source,
      keyPath,
      `key ${keyPath} is repeated within one object: the record was altered after CloudTrail wrote it and was not read (readers disagree on which value counts)`,
    );
  }

  /**
   * A top-level object with its `Records` key repeated. Streamed, every array was
   * read (`arraysRead`); a JSON Lines line is parsed whole, which keeps only the last
   * array, so none of its records is read.
   */
  static ofRecords(source: SourceRef, arraysRead: boolean): DuplicateKeyError {
    return new DuplicateKeyError(
      source,
      'Records',
      `top-level key Records is repeated: the file was altered after CloudTrail wrote it; ${
        arraysRead ? 'the records of every Records array were read' : 'none of its records was read'
      }`,
    );
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
