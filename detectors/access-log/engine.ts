import type { AccessLogRecord } from '../../ingest/access-log/types.js';
import type { SourceRef } from '../../ingest/types.js';
import { DetectorError } from '../engine.js';
import { findingDetector } from '../helpers/source-detector.js';
import type { CloudTrailEvent, DetectorContext, Finding, FindingDraft } from '../types.js';
import { accessLogEvidence } from './evidence.js';
import { type BucketLocation, bucketLocation } from './location.js';
import { bucketArn } from './request.js';
import { requesterKey } from './requester.js';
import type { AccessLogDetector } from './types.js';

/**
 * Runs access-log detectors on access-log records. Every detector sees every
 * record (there is no event name to index on; there are few of them). A detector
 * that throws is reported through `onError` and skipped. Findings carry the record
 * as an evidence event (`accessLogEvidence`), built only for records that matched.
 */
export class AccessLogEngine {
  /** The last log object's location parse, reused for its other records. */
  private lastObject: { name: string; bucket: string; location: BucketLocation } | undefined;

  constructor(
    readonly detectors: readonly AccessLogDetector[],
    private readonly ctx: DetectorContext,
  ) {}

  /** All findings for one record; `source` is where ingest read it (its key gives the account). */
  evaluate(
    record: AccessLogRecord,
    source: SourceRef,
    onError?: (error: DetectorError) => void,
  ): Finding[] {
    const findings: Finding[] = [];
    let event: CloudTrailEvent | undefined;
    for (const detector of this.detectors) {
      let draft: FindingDraft | undefined;
      try {
        draft = detector.match(record, this.ctx);
      } catch (cause) {
        onError?.(new DetectorError(detector.id, record.requestId ?? undefined, { cause }));
        continue;
      }
      if (!draft) continue;
      event ??= accessLogEvidence(record, this.locationOf(source.object, record));
      findings.push(complete(detector, record, event, draft));
    }
    return findings;
  }

  private locationOf(name: string, record: AccessLogRecord): BucketLocation {
    const last = this.lastObject;
    if (last && last.name === name && last.bucket === record.bucket) return last.location;
    const location = bucketLocation(name, record);
    this.lastObject = { name, bucket: record.bucket, location };
    return location;
  }
}

function complete(
  detector: AccessLogDetector,
  record: AccessLogRecord,
  event: CloudTrailEvent,
  draft: FindingDraft,
): Finding {
  return {
    detector: findingDetector(detector),
    event,
    summary: draft.summary,
    dedupKey:
      draft.dedupKey ?? `${record.bucket}|${requesterKey(record)}|${record.operation ?? '-'}`,
    resources: draft.resources ?? [bucketArn(record.bucket)],
    severity: draft.severity ?? detector.severity,
    ...(draft.distinctValue === undefined ? {} : { distinctValue: draft.distinctValue }),
    ...(draft.distinctValues === undefined ? {} : { distinctValues: draft.distinctValues }),
    ...(draft.firstSeenKey === undefined ? {} : { firstSeenKey: draft.firstSeenKey }),
  };
}
