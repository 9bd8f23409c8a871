import { createHash } from 'node:crypto';
import { accountOf, principalOf } from '../detectors/helpers/identity.js';
import { type Finding, SEVERITY_RANK, type Severity } from '../detectors/types.js';
import { MAX_RESOURCES } from './alert.js';
import { truncate } from './sanitize.js';
import type { FindingSample } from './state-store.js';

/**
 * Bounded, plain copies of what an alert needs from a finding. State must not grow
 * with attacker-chosen field sizes (a 64 KB user agent inside a summary), so every
 * string is capped here; display sanitising still happens per medium later.
 */

/** Cap for one stored string (summary, principal, a resource, ...). */
export const MAX_STORED_CHARS = 2048;
/** Dedup keys longer than this are stored as a prefix plus a hash of the whole key. */
export const MAX_DEDUP_KEY_CHARS = 512;

/**
 * Event times the windows accept: 1970 to the end of year 9999. Ingest already
 * refuses records outside a much narrower range (ingest/event-time.ts); this is the
 * second line for findings that reach the aggregator another way. `Date.parse`
 * accepts instants up to ±8.64e15 ms, where adding a window, a TTL or a lookback
 * makes `toISOString` throw: far inside these bounds no arithmetic can get there.
 */
const EARLIEST_WINDOW_TIME = 0;
const LATEST_WINDOW_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Epoch ms of the event, or `undefined` when `eventTime` is not a date in the windows' range. */
export function eventTimeOf(finding: Finding): number | undefined {
  const raw: unknown = finding.event?.eventTime;
  const time = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
  return time >= EARLIEST_WINDOW_TIME && time <= LATEST_WINDOW_TIME ? time : undefined;
}

export function sampleOf(finding: Finding, time: number): FindingSample {
  const event = finding.event;
  return {
    time,
    eventId: truncate(text(event?.eventID, ''), 256),
    severity: severityOf(finding),
    summary: truncate(text(finding.summary, finding.detector.title), MAX_STORED_CHARS),
    account: truncate(
      text(
        safely(() => accountOf(event)),
        'unknown',
      ),
      MAX_STORED_CHARS,
    ),
    region: truncate(text(event?.awsRegion, 'unknown'), MAX_STORED_CHARS),
    principal: truncate(
      text(
        safely(() => principalOf(event)),
        'unknown',
      ),
      MAX_STORED_CHARS,
    ),
    sourceIp: truncate(text(event?.sourceIPAddress, 'unknown'), MAX_STORED_CHARS),
  };
}

/** Distinct, capped and bounded resources of a finding; odd entries are skipped. */
export function resourcesOf(finding: Finding): string[] {
  const list: unknown = finding.resources;
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string' || item.length === 0) continue;
    const resource = truncate(item, MAX_STORED_CHARS);
    if (!out.includes(resource)) out.push(resource);
    if (out.length >= MAX_RESOURCES) break;
  }
  return out;
}

/**
 * The dedup key as stored and shown: unchanged when short; otherwise a prefix and
 * the SHA-256 of the whole key, so distinct long keys stay distinct.
 */
export function boundedDedupKey(key: unknown): string {
  const value = typeof key === 'string' ? key : String(key ?? '');
  if (value.length <= MAX_DEDUP_KEY_CHARS) return value;
  const digest = createHash('sha256').update(value).digest('hex');
  return `${value.slice(0, MAX_DEDUP_KEY_CHARS - 73)}…#sha256:${digest}`;
}

/**
 * The event's identity for "counted once per detector": CloudTrail's `eventID` is
 * unique per account, so redeliveries (S3 + EventBridge, a file read twice) share
 * it. `undefined` when there is no eventID: such records cannot be told apart from
 * genuine repeats and are always counted.
 */
export function eventIdentityOf(finding: Finding): string | undefined {
  const id: unknown = finding.event?.eventID;
  if (typeof id !== 'string' || id.length === 0) return undefined;
  const account: unknown = finding.event.recipientAccountId;
  return `${finding.detector.id}\u0000${typeof account === 'string' ? account : ''}\u0000${id}`;
}

function severityOf(finding: Finding): Severity {
  if (isSeverity(finding.severity)) return finding.severity;
  return isSeverity(finding.detector.severity) ? finding.detector.severity : 'high';
}

function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && Object.hasOwn(SEVERITY_RANK, value);
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.length > 0 ? value : fallback;
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
