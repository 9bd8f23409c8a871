import { createHash } from 'node:crypto';
import { ALERT_SCHEMA_VERSION, type Alert } from '../../alerting/alert.js';
import type { Severity } from '../../detectors/types.js';
import type { IngestError } from '../../ingest/errors.js';
import type { NotifiedObject } from '../../ingest/s3-notification.js';
import { DEFAULT_RUNBOOK_BASE_URL, RUNBOOKS, runbookUrl } from '../../runbooks/catalog.js';

/** The `detector` of the pipeline's own alerts about input it could not use. */
export const QUARANTINE_DETECTOR_ID = 'trailwatch-ingest-quarantine';

/** Unusable content in a CloudTrail bucket is first of all a question of log integrity. */
const RUNBOOK_ID = 'cloudtrail-tampering';
/** Reasons quoted in the alert and the log line; the rest are counted. */
const SAMPLE_REASONS = 3;

const LOG_PATH =
  /(?:^|\/)AWSLogs\/(?:o-[a-z0-9]{10,32}\/)?(\d{12})\/CloudTrail(?:-Insight|-Digest)?\/([a-z]{2}(?:-[a-z]+)+-\d{1,2})\//;

export interface PipelineAlertOptions {
  readonly runbookBaseUrl?: string | undefined;
  /** Time for the alert when the notification carries none. Default: now. */
  readonly now?: () => number;
}

/**
 * Collects one object's bad content (every ingest error but `unreadable`, which is
 * retried instead): counts per code and the first reasons, so a file with a million
 * bad records costs a few strings. Quarantine means: the message is acknowledged
 * (retrying gives the same answer), the good records were processed, and this
 * ledger becomes one log line and one pipeline alert naming the object and why.
 */
export class QuarantineLedger {
  /** Errors noted, of any code. */
  errors = 0;
  private readonly byCode = new Map<string, number>();
  private readonly reasons: string[] = [];
  /** True once the object itself (not one record) failed: events after the failure were not read. */
  private objectLevel = false;

  constructor(readonly object: NotifiedObject) {}

  get empty(): boolean {
    return this.errors === 0;
  }

  note(error: IngestError): void {
    this.errors += 1;
    this.byCode.set(error.code, (this.byCode.get(error.code) ?? 0) + 1);
    if (error.source.record === undefined) this.objectLevel = true;
    if (this.reasons.length < SAMPLE_REASONS) this.reasons.push(error.message);
  }

  /** What the log line says: counts per code and the first reasons (each names the object). */
  describe(): { errors: number; byCode: Record<string, number>; reasons: readonly string[] } {
    return { errors: this.errors, byCode: Object.fromEntries(this.byCode), reasons: this.reasons };
  }

  /** The pipeline alert for this object, or none when nothing was quarantined. */
  alert(eventsRead: number, options: PipelineAlertOptions = {}): Alert | undefined {
    if (this.empty) return undefined;
    const uri = this.object.uri;
    const codes = [...this.byCode].map(([code, n]) => `${code} x${n}`).join(', ');
    // Each reason starts with the object's name, already at the front of the summary.
    const first = this.reasons.map((r) =>
      r.startsWith(uri) ? r.slice(uri.length).replace(/^:?\s*/, '') : r,
    );
    return pipelineAlert(
      {
        kind: 'content',
        subject: uri,
        identity: this.object.versionId ?? this.object.eTag ?? '',
        severity: this.objectLevel ? 'high' : 'medium',
        title: this.objectLevel
          ? 'CloudTrail log object quarantined: content unreadable'
          : 'CloudTrail log object has invalid records',
        summary:
          `${uri} was quarantined: ${this.errors} problem(s) (${codes}); ${eventsRead} record(s) ` +
          `were read and checked. First: ${first.join(' | ')}`,
        count: this.errors,
        object: this.object,
      },
      options,
    );
  }
}

/**
 * The object a notification named is gone (NoSuchKey). S3 is strongly consistent,
 * so waiting cannot help: either a log file was deleted before it was read (an
 * attacker covering tracks, or a lifecycle rule shorter than the queue's backlog)
 * or its key was decoded wrongly. Either way the events are unread: alert, do not retry.
 */
export function missingObjectAlert(
  object: NotifiedObject,
  reason: string,
  options: PipelineAlertOptions = {},
): Alert {
  return pipelineAlert(
    {
      kind: 'missing',
      subject: object.uri,
      identity: object.versionId ?? object.eTag ?? '',
      severity: 'high',
      title: 'CloudTrail log object missing before it was read',
      summary:
        `${object.uri} no longer exists (${reason}): it was deleted after S3 announced it, ` +
        'or its key was decoded wrongly. Its events were not checked.',
      count: 1,
      object,
    },
    options,
  );
}

/**
 * An SQS message (or one record of it) that is not a usable S3 notification: a
 * malformed key escape, an unexpected envelope, a stray message. Nothing can be
 * fetched for it, so it is reported once rather than retried until the DLQ.
 */
export function notificationAlert(
  messageId: string,
  body: string,
  error: IngestError,
  options: PipelineAlertOptions = {},
): Alert {
  const subject = `sqs:${messageId}`;
  const digest = createHash('sha256').update(body).digest('hex');
  return pipelineAlert(
    {
      kind: 'notification',
      subject,
      identity: `${digest}\n${error.source.record ?? ''}`,
      severity: 'medium',
      title: 'Ingest queue message is not a usable S3 notification',
      summary: `${error.message} (message body sha256 ${digest})`,
      count: 1,
    },
    options,
  );
}

interface PipelineAlertParts {
  /** What went wrong, part of the id: one object can be both missing and, later, bad. */
  readonly kind: 'content' | 'missing' | 'notification';
  readonly subject: string;
  /** Which version of the subject (versionId, eTag, body digest): part of the id. */
  readonly identity: string;
  readonly severity: Severity;
  readonly title: string;
  readonly summary: string;
  readonly count: number;
  readonly object?: NotifiedObject;
}

/** An alert in the shared contract, with a deterministic id so a retry repeats it exactly. */
function pipelineAlert(parts: PipelineAlertParts, options: PipelineAlertOptions): Alert {
  const id = createHash('sha256')
    .update([QUARANTINE_DETECTOR_ID, parts.kind, parts.subject, parts.identity].join('\n'))
    .digest('hex');
  const key = parts.object ? LOG_PATH.exec(parts.object.key) : null;
  const time = timeOf(parts.object?.eventTime, options.now ?? Date.now);
  return {
    schemaVersion: ALERT_SCHEMA_VERSION,
    id,
    detector: QUARANTINE_DETECTOR_ID,
    title: parts.title,
    severity: parts.severity,
    summary: parts.summary,
    firstSeen: time,
    lastSeen: time,
    count: parts.count,
    account: key?.[1] ?? 'unknown',
    region: key?.[2] ?? parts.object?.region ?? 'unknown',
    principal: 'unknown',
    sourceIp: 'unknown',
    resources: [parts.subject],
    eventIds: [],
    dedupKey: parts.subject,
    runbook: {
      id: RUNBOOK_ID,
      title: RUNBOOKS.get(RUNBOOK_ID)?.title ?? RUNBOOK_ID,
      url: runbookUrl(RUNBOOK_ID, options.runbookBaseUrl ?? DEFAULT_RUNBOOK_BASE_URL),
    },
    investigate: [],
    attack: [],
  };
}

function timeOf(eventTime: string | undefined, now: () => number): string {
  const parsed = eventTime === undefined ? Number.NaN : Date.parse(eventTime);
  return new Date(Number.isFinite(parsed) ? parsed : now()).toISOString();
}
