import type { CloudTrailEvent, Detector, DetectorMeta } from '../types.js';

/**
 * Detectors whose input is not a CloudTrail event (S3 server access-log records,
 * CloudWatch metric series) still hand alerting an ordinary `Finding`, so dedup,
 * thresholds, suppressions, state and the Alert contract stay one code path. A
 * `Finding` names a `Detector` and carries an `event`: these helpers provide both.
 */

/** Metadata of a detector fed by another source: everything but the CloudTrail keys. */
export type SourceDetectorMeta = Omit<DetectorMeta, 'listensTo'>;

/**
 * `eventType` of the evidence events built from other sources. CloudTrail never
 * writes these values, so consumers can tell evidence from a real CloudTrail record.
 */
export const EVIDENCE_EVENT_TYPE = {
  accessLog: 'S3ServerAccessLog',
  metric: 'CloudWatchMetric',
} as const;

export type EvidenceSource = keyof typeof EVIDENCE_EVENT_TYPE;

const facades = new WeakMap<SourceDetectorMeta, Detector>();

/**
 * The `Detector` a finding of such a detector carries: its metadata, no CloudTrail
 * keys, a `match` that never fires. A CloudTrail engine given it by mistake runs
 * nothing. One object per metadata object, so repeated findings share it.
 */
export function findingDetector(meta: SourceDetectorMeta): Detector {
  let detector = facades.get(meta);
  if (!detector) {
    detector = {
      id: meta.id,
      title: meta.title,
      severity: meta.severity,
      description: meta.description,
      attack: meta.attack,
      references: meta.references,
      runbook: meta.runbook,
      dedupWindowSeconds: meta.dedupWindowSeconds,
      ...(meta.threshold ? { threshold: meta.threshold } : {}),
      ...(meta.firstSeen ? { firstSeen: meta.firstSeen } : {}),
      listensTo: [],
      match: () => undefined,
    };
    facades.set(meta, detector);
  }
  return detector;
}

/** Which source an evidence event was built from; undefined for a real CloudTrail record. */
export function evidenceSourceOf(event: CloudTrailEvent): EvidenceSource | undefined {
  const type: unknown = event?.eventType;
  if (type === EVIDENCE_EVENT_TYPE.accessLog) return 'accessLog';
  if (type === EVIDENCE_EVENT_TYPE.metric) return 'metric';
  return undefined;
}
