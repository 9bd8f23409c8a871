import { createHash } from 'node:crypto';
import type { Severity } from '../detectors/types.js';
import { DuplicateKeyError, type IngestError } from '../ingest/errors.js';
import { DEFAULT_RUNBOOK_BASE_URL, RUNBOOKS, runbookUrl } from '../runbooks/catalog.js';
import { ALERT_SCHEMA_VERSION, type Alert } from './alert.js';

/** The `detector` of the alert about log records altered after CloudTrail wrote them. */
export const TAMPERED_RECORDS_DETECTOR_ID = 'log-record-tampered';

const SEVERITY: Severity = 'high';
const RUNBOOK_ID = 'cloudtrail-tampering';
/** Records named in the summary; the rest are counted. */
const NAMED_RECORDS = 5;
/** Techniques: covering tracks in the audit log (T1070), by altering stored data (T1565). */
const ATTACK = ['T1070', 'T1565'];

const LOG_PATH =
  /(?:^|\/)AWSLogs\/(?:o-[a-z0-9]{10,32}\/)?(\d{12})\/CloudTrail(?:-Insight|-Digest)?\/([a-z]{2}(?:-[a-z]+)+-\d{1,2})\//;

export interface TamperedRecordsAlertOptions {
  readonly runbookBaseUrl?: string | undefined;
  /** Which version of the object (S3 versionId or eTag): part of the alert id. */
  readonly identity?: string | undefined;
  /** When the object was written (the S3 notification's time); default `now`. */
  readonly time?: string | undefined;
  /** Region when the object's key does not tell (the bucket's). */
  readonly region?: string | undefined;
  readonly now?: () => number;
}

/**
 * One object's records that repeat a JSON key (`duplicate-key` ingest errors, see
 * DuplicateKeyError), and the one high-severity alert that names them: the file, each
 * record's index and the repeated key's path. Kept apart from the quarantine of
 * unreadable content: a repeated key is not damage but an edit, and the alert says so
 * on the CLI and on the S3 path alike. Holds a count and the first few records, so a
 * file of a million altered records costs a few strings.
 */
export class TamperedRecords {
  private records = 0;
  private recordsKeyRepeated = false;
  private readonly named: { readonly record: number; readonly keyPath: string }[] = [];

  constructor(readonly object: string) {}

  get empty(): boolean {
    return this.records === 0 && !this.recordsKeyRepeated;
  }

  /** Takes the error if it is about a repeated key (of this object); says whether it did. */
  note(error: IngestError): boolean {
    if (error.code !== 'duplicate-key' || error.source.object !== this.object) return false;
    const record = error.source.record;
    if (record === undefined) this.recordsKeyRepeated = true;
    else {
      this.records += 1;
      const keyPath = error instanceof DuplicateKeyError ? error.keyPath : 'a key';
      if (this.named.length < NAMED_RECORDS) this.named.push({ record, keyPath });
    }
    return true;
  }

  /** The alert for this object, or none when nothing repeated a key. */
  alert(options: TamperedRecordsAlertOptions = {}): Alert | undefined {
    if (this.empty) return undefined;
    const parts: string[] = [];
    if (this.recordsKeyRepeated) {
      parts.push(
        'its top-level Records key is repeated (the records of every Records array were read)',
      );
    }
    if (this.records > 0) {
      const listed = this.named.map((r) => `record ${r.record} (${r.keyPath})`).join(', ');
      const more =
        this.records > this.named.length ? `, and ${this.records - this.named.length} more` : '';
      parts.push(
        `${this.records} record(s) repeat a key within one object and were not read, by detection or by trailwatch investigate: ${listed}${more}`,
      );
    }
    const summary =
      `${this.object} was altered after CloudTrail wrote it: ${parts.join('; ')}. CloudTrail never ` +
      'repeats a JSON key, and readers disagree on which value counts, so an event may have been ' +
      'hidden or forged. Compare the file with its CloudTrail digest (aws cloudtrail validate-logs) ' +
      'and find who could write to the bucket.';
    const id = createHash('sha256')
      .update(
        [
          TAMPERED_RECORDS_DETECTOR_ID,
          this.object,
          options.identity ?? '',
          this.recordsKeyRepeated ? 'Records' : '',
          ...this.named.map((r) => String(r.record)),
          String(this.records),
        ].join('\n'),
      )
      .digest('hex');
    const where = LOG_PATH.exec(this.object);
    const time = timeOf(options.time, options.now ?? Date.now);
    return {
      schemaVersion: ALERT_SCHEMA_VERSION,
      id,
      detector: TAMPERED_RECORDS_DETECTOR_ID,
      title: 'CloudTrail log file altered: records repeat a JSON key',
      severity: SEVERITY,
      summary,
      firstSeen: time,
      lastSeen: time,
      count: this.records + (this.recordsKeyRepeated ? 1 : 0),
      account: where?.[1] ?? 'unknown',
      region: where?.[2] ?? options.region ?? 'unknown',
      principal: 'unknown',
      sourceIp: 'unknown',
      resources: [this.object],
      // No event id of an altered record can be trusted.
      eventIds: [],
      dedupKey: this.object,
      runbook: {
        id: RUNBOOK_ID,
        title: RUNBOOKS.get(RUNBOOK_ID)?.title ?? RUNBOOK_ID,
        url: runbookUrl(RUNBOOK_ID, options.runbookBaseUrl ?? DEFAULT_RUNBOOK_BASE_URL),
      },
      investigate: [],
      attack: ATTACK,
    };
  }
}

function timeOf(time: string | undefined, now: () => number): string {
  const parsed = time === undefined ? Number.NaN : Date.parse(time);
  return new Date(Number.isFinite(parsed) ? parsed : now()).toISOString();
}
