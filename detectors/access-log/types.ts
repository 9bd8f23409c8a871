import type { AccessLogRecord } from '../../ingest/access-log/types.js';
import type { SourceDetectorMeta } from '../helpers/source-detector.js';
import type { DetectorContext, FindingDraft } from '../types.js';

export type { AccessLogRecord };

/**
 * A detector over S3 server access-log records: the same metadata as a CloudTrail
 * detector (id, severity, runbook, dedup window, threshold...) and one pure
 * predicate over a record. Its findings go to the same aggregator as every other
 * finding, with the record turned into evidence (see `evidence.ts`).
 */
export interface AccessLogDetector extends SourceDetectorMeta {
  /** Tells catalogs and config which input feeds it. */
  readonly input: 'access-log';
  /**
   * A draft when the record is a hit, `undefined` otherwise. Without a `dedupKey`
   * the finding groups on bucket, requester and operation. Must not throw on odd
   * input: every field may be null, and strings are attacker-chosen.
   */
  match(record: AccessLogRecord, ctx: DetectorContext): FindingDraft | undefined;
}
