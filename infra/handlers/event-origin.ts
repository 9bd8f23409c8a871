/**
 * Why an EventBridge event is refused before any detector sees it:
 * - `source-not-aws`: its `source` does not start with `aws.`. EventBridge refuses
 *   `aws.` sources in PutEvents, so a custom source means anyone allowed
 *   events:PutEvents on the bus made it up, however CloudTrail-like its detail looks;
 * - `account-mismatch`: the envelope's `account` (set by EventBridge) is not the
 *   account the record says received it (`detail.recipientAccountId`).
 */
export type RejectionReason = 'source-not-aws' | 'account-mismatch';

/** The log message of a refused event; the FastPathRejectedEvents metric filter matches it. */
export const EVENT_REJECTED_MESSAGE = 'event rejected';

/**
 * What is logged about a refused event. Every value comes from the event, so from
 * whoever sent it: each is a JSON string field (never part of the message), cut to
 * {@link MAX_FIELD} characters, or null when absent or not a string.
 */
export interface EventRejection {
  readonly reason: RejectionReason;
  readonly source: string | null;
  readonly account: string | null;
  readonly recipientAccountId: string | null;
  readonly id: string | null;
  readonly detailType: string | null;
}

/** Longest value quoted in a rejection log line: an event is up to 256 KB. */
const MAX_FIELD = 256;

/** Events accepted for the detectors, and the rest with why. */
export interface ScreenedEvents {
  readonly accepted: unknown[];
  readonly rejected: EventRejection[];
}

/**
 * Splits what an EventBridge rule delivered (one event, or an array of them) into
 * events that came from an AWS service and events that could be forged. A value
 * that is not an event at all has no `aws.` source either, so it is refused too.
 */
export function screenEventOrigins(payload: unknown): ScreenedEvents {
  const accepted: unknown[] = [];
  const rejected: EventRejection[] = [];
  for (const event of Array.isArray(payload) ? payload : [payload]) {
    const reason = rejectionOf(event);
    if (reason === undefined) accepted.push(event);
    else rejected.push(describeRejection(event, reason));
  }
  return { accepted, rejected };
}

function rejectionOf(event: unknown): RejectionReason | undefined {
  const source = field(event, 'source');
  if (typeof source !== 'string' || !source.startsWith('aws.')) return 'source-not-aws';
  const account = field(event, 'account');
  const recipient = field(field(event, 'detail'), 'recipientAccountId');
  if (typeof account === 'string' && typeof recipient === 'string' && account !== recipient) {
    return 'account-mismatch';
  }
  return undefined;
}

function describeRejection(event: unknown, reason: RejectionReason): EventRejection {
  return {
    reason,
    source: quoted(field(event, 'source')),
    account: quoted(field(event, 'account')),
    recipientAccountId: quoted(field(field(event, 'detail'), 'recipientAccountId')),
    id: quoted(field(event, 'id')),
    detailType: quoted(field(event, 'detail-type')),
  };
}

/** An own property only: an inherited `source` or `account` is not the event's. */
function field(value: unknown, name: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : undefined;
}

function quoted(value: unknown): string | null {
  return typeof value === 'string' ? value.slice(0, MAX_FIELD) : null;
}
