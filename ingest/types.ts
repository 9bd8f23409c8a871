import type { AccessLogRecord } from './access-log/types.js';
import type { CloudTrailEvent } from './cloudtrail-event.js';
import type { IngestError } from './errors.js';

/** Where an item came from: a local path or an `s3://bucket/key` URI, and the record's position in it. */
export interface SourceRef {
  /** Local file path or `s3://bucket/key`. */
  readonly object: string;
  /** Zero-based index of the record inside the object, when the item is one record. */
  readonly record?: number;
}

/** Why a whole object was passed over on purpose (never an error). */
export type SkipReason =
  | 'cloudtrail-digest'
  | 'cloudtrail-insight'
  | 'directory-marker'
  | 'empty-object'
  | 's3-test-event'
  | 'not-cloudtrail';

/**
 * What ingest yields, in order, for every object it reads. Every object ends with
 * exactly one `object-end` (or `skipped`), so consumers can count files and show
 * progress; records in between are `event`s (CloudTrail), `access-log` records
 * (an S3 server access-log object: one per line) or record-level `error`s. An
 * object that cannot be read at all yields one `error` and then its `object-end`.
 * Consumers switch on `kind` and may pass over kinds they do not handle.
 */
export type IngestItem =
  | { readonly kind: 'event'; readonly event: CloudTrailEvent; readonly source: SourceRef }
  | {
      readonly kind: 'access-log';
      readonly record: AccessLogRecord;
      /** The log object, and the record's index in it (blank lines not counted). */
      readonly source: SourceRef;
    }
  | { readonly kind: 'error'; readonly error: IngestError }
  | {
      readonly kind: 'skipped';
      readonly source: SourceRef;
      readonly reason: SkipReason;
      readonly detail?: string;
    }
  | {
      readonly kind: 'object-end';
      readonly source: SourceRef;
      /** Records that became events. */
      readonly events: number;
      /** Records or whole-object failures reported as errors. */
      readonly errors: number;
      /**
       * Of `errors`, those counted but not yielded as `error` items: the object had
       * more bad records than `maxListedErrors` (present only when there were some).
       */
      readonly unlistedErrors?: number;
      /** Bytes read from the object as stored (compressed size for .gz). */
      readonly bytes: number;
      /**
       * Records passed over on purpose inside an object that also had events or
       * errors (Insights records, EventBridge events that did not come via CloudTrail).
       * An object made only of such records is reported as one `skipped` instead.
       */
      readonly ignored?: number;
      /** S3 server access-log records yielded (present only when there were some). */
      readonly accessLogRecords?: number;
      /**
       * CloudTrail records counted but not parsed, because the ingest options'
       * `lazy` reader showed no detector could match them (present only when some were).
       */
      readonly unparsed?: number;
    };
