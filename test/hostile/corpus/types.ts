/**
 * Types of the hostile-input corpus: one case per input of the catalog in
 * research/reliability-security.md §3 (ids A1..E14 in `catalog`), with the outcome
 * the S3 path must reach: P processed, Q quarantined (message acknowledged,
 * pipeline alert), S skipped with a reason, R retried.
 */

export type Outcome = 'P' | 'Q' | 'R' | 'S';

export interface Expectation {
  readonly outcome: Outcome;
  /** Good records the S3 path must process (events handed to the detectors). */
  readonly events: number;
  /** Ingest error codes reported, sorted, each once. Empty or absent: none. */
  readonly codes?: readonly string[];
  /** Why the object (or the notification) is passed over, for S. */
  readonly skip?: string;
  /**
   * Detectors that must raise alerts from this case's events, with how many
   * (`'some'`: at least one, when several principals each get their own).
   */
  readonly alerts?: Readonly<Record<string, number | 'some'>>;
  /** Detectors that must not. */
  readonly silent?: readonly string[];
  /** Decoded keys GetObject must be called with (message cases). */
  readonly fetched?: readonly string[];
}

/** What reaches the pipeline: an object under a key, a raw SQS body, or an EventBridge payload. */
export type CaseInput =
  | { readonly kind: 'object'; readonly key: string; readonly body: Buffer }
  | {
      readonly kind: 'message';
      readonly body: string;
      /** Objects the message names, by decoded key. */
      readonly objects: Readonly<Record<string, Buffer>>;
    }
  /** The event as JSON text, as Lambda receives it before parsing. */
  | { readonly kind: 'eventbridge'; readonly payload: string };

export interface HostileCase {
  readonly id: string;
  /** Catalog entries this case covers. */
  readonly catalog: readonly string[];
  readonly title: string;
  readonly input: CaseInput;
  readonly expect: Expectation;
  /**
   * Events a local read (`trailwatch scan` of the file) yields when it differs from
   * the S3 path: locally a `.gz` name need not hold gzip, since tools decompress in place.
   */
  readonly localEvents?: number;
}

/** Decompressed cap the corpus runs with: small enough that the bomb stops quickly. */
export const CORPUS_MAX_DECOMPRESSED_BYTES = 128 * 1024 * 1024;
export const BUCKET = 'org-trail-logs';
export const STOPPED = 'cloudtrail-logging-stopped';
