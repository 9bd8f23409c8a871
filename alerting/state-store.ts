import type { Severity } from '../detectors/types.js';

/**
 * Aggregation state, as stored between flushes. Everything here is plain JSON
 * (numbers are epoch milliseconds of EVENT time, never wall-clock time), bounded
 * in size whatever the number of findings, so a DynamoDB item can hold it.
 */

/** One detector + dedup key: the unit the store reads and writes. */
export interface KeyRef {
  readonly detectorId: string;
  readonly dedupKey: string;
}

/** The one finding an alert shows in its summary and context: bounded copies of its fields. */
export interface FindingSample {
  /** Event time, epoch ms. */
  readonly time: number;
  /** CloudTrail `eventID`, or '' when the record had none. */
  readonly eventId: string;
  readonly severity: Severity;
  readonly summary: string;
  readonly account: string;
  readonly region: string;
  readonly principal: string;
  readonly sourceIp: string;
}

/** An event id with its time, so lists can stay earliest first. */
export interface EventIdSample {
  readonly time: number;
  readonly id: string;
}

/** All findings of one key within one window: what becomes one alert. */
export interface AlertGroup {
  /** Window start (the group's first event), epoch ms; part of the alert id. */
  start: number;
  /** Window end, exclusive. */
  end: number;
  count: number;
  firstSeen: number;
  lastSeen: number;
  /** The highest severity among the grouped findings. */
  severity: Severity;
  /** Earliest first, unique, at most `MAX_EVENT_IDS`. */
  eventIds: EventIdSample[];
  /** Distinct, at most `MAX_RESOURCES`, in arrival order. */
  resources: string[];
  /** The earliest finding at the group's severity. */
  sample: FindingSample;
  /** The severity of the last alert published for this group; absent until one was. */
  notified?: Severity;
  /**
   * Distinct thresholds only: digests of the distinct values counted, unique, at
   * most `WindowConfig.threshold.distinctCap` (enough to report, not every value).
   */
  values?: string[];
  /** Distinct thresholds only: true once a value was left out because `values` was full. */
  moreValues?: boolean;
}

/**
 * A finding of a threshold detector that has not (yet) reached its threshold.
 * For a distinct threshold, one entry stands for the held findings of its value
 * within one threshold window: the latest one (its time is what keeps the value
 * inside a sliding window), how many, and since when.
 */
export interface PendingFinding {
  readonly sample: FindingSample;
  readonly resources: readonly string[];
  /** Distinct thresholds only: digest of the counted value; unique within `pending`. */
  readonly value?: string;
  /** Distinct thresholds only: findings of this value held, when more than one. */
  readonly repeats?: number;
  /** Distinct thresholds only: time of the earliest of them, when before `sample.time`. */
  readonly since?: number;
}

export interface KeyState {
  /** Sorted by `start`. */
  groups: AlertGroup[];
  /** Threshold detectors only; sorted by time. */
  pending: PendingFinding[];
}

/** A first-seen mark as stored. Times are epoch SECONDS of event time. */
export interface StoredMark {
  /** When the mark was first written; later puts never change it. */
  readonly since: number;
  /** After this the mark is forgotten (TTL); absent: kept for good. */
  readonly expiresAt?: number;
}

/** A mark to create or extend, by id (an opaque, printable string under 200 characters). */
export interface MarkUpdate extends StoredMark {
  readonly id: string;
}

export interface VersionedKeyState {
  /** Bumped by every successful put; the condition of the next one. */
  readonly version: number;
  readonly state: KeyState;
}

/**
 * Where the aggregator keeps state between flushes: in memory for the CLI and a
 * warm Lambda, DynamoDB (conditional writes + TTL) when several Lambdas share it.
 *
 * - Key state is read once per key per batch and written back with a version
 *   condition; on a conflict the aggregator re-reads and merges.
 * - Seen marks record which events were counted, so an event delivered again (S3
 *   and EventBridge, a file read twice) is counted once per detector. A fingerprint
 *   already includes the detector id.
 * - First-seen marks (`getMarks`/`putMarks`) record the keys of first-seen
 *   detectors and when each detector's learning period started. Their ids carry
 *   the detector id; the aggregator writes them at commit, after the key state.
 * - Times (`expiresAt`, `watermark`) are epoch SECONDS of event time, as DynamoDB
 *   TTL expects; a DynamoDB store may add a wall-clock margin for backfills.
 *
 * Implementations may return shared objects from `get`; the aggregator never
 * mutates what it reads and never touches what it has put.
 */
export interface AlertStateStore {
  get(ref: KeyRef): Promise<VersionedKeyState | undefined>;
  /**
   * Writes `state` if the stored version is still `expectedVersion` (0: nothing
   * stored). Returns the new version, or `undefined` when another writer got there
   * first. An empty state (no groups, nothing pending) may be deleted.
   */
  put(
    ref: KeyRef,
    state: KeyState,
    expectedVersion: number,
    expiresAt: number,
  ): Promise<number | undefined>;
  /** For each fingerprint (16 hex digits), whether it was marked seen and has not expired. */
  seen(fingerprints: readonly string[]): Promise<readonly boolean[]>;
  markSeen(fingerprints: readonly string[], expiresAt: number): Promise<void>;
  /**
   * First-seen marks (which keys a detector has seen, when its learning started),
   * in input order, `undefined` for an unknown id. May return marks already past
   * `expiresAt` (DynamoDB TTL deletes late): the aggregator compares times itself.
   */
  getMarks(ids: readonly string[]): Promise<readonly (StoredMark | undefined)[]>;
  /**
   * Creates or extends marks, each on its own (no transaction needed): `since` is
   * kept when the mark exists, and `expiresAt` only ever grows. On DynamoDB one
   * UpdateItem per mark: `SET since = if_not_exists(since, :since), expiresAt =
   * :expiresAt` on condition `attribute_not_exists(expiresAt) OR expiresAt <
   * :expiresAt` (a failed condition means a later expiry is stored: success); a
   * mark without `expiresAt` only does `SET since = if_not_exists(since, :since)`.
   * An id is always either expiring or permanent, never both.
   */
  putMarks(marks: readonly MarkUpdate[]): Promise<void>;
  /** Drops state and marks that expired before `watermark` (DynamoDB relies on TTL instead). */
  expire(watermark: number): Promise<void>;
}
