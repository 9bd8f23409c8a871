import { asString, getPath } from '../../detectors/helpers/fields.js';
import { principalForDedup, principalOf } from '../../detectors/helpers/identity.js';
import type { CloudTrailEvent, Detector, Finding } from '../../detectors/types.js';
import { detect } from '../helpers/detect.js';
import { ACCOUNT, cloudTrailEvent } from '../helpers/events.js';

/**
 * A tiny detector for alerting tests: any PutBucketPolicy; buckets named `prod-*`
 * are high severity, others medium. Dedup per principal and bucket, one hour.
 */
export const bucketPolicyChanged: Detector = {
  id: 'test-bucket-policy-changed',
  title: 'Test: bucket policy changed',
  severity: 'medium',
  description: 'Test detector.',
  attack: ['T1098'],
  references: [],
  runbook: 's3-public-exposure',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 's3.amazonaws.com', eventNames: ['PutBucketPolicy'] }],
  match(event) {
    const bucket = asString(getPath(event.requestParameters, 'bucketName')) ?? 'unknown';
    return {
      summary: `${principalOf(event)} changed the policy of ${bucket}`,
      dedupKey: `${event.recipientAccountId}|${principalForDedup(event)}|${bucket}`,
      resources: [`arn:aws:s3:::${bucket}`],
      severity: bucket.startsWith('prod-') ? 'high' : undefined,
    };
  },
};

/** The same detector with a threshold: 5 findings within 5 minutes. */
export const bucketPolicyBurst: Detector = {
  ...bucketPolicyChanged,
  id: 'test-bucket-policy-burst',
  title: 'Test: burst of bucket policy changes',
  threshold: { count: 5, windowSeconds: 300 },
};

/** A PutBucketPolicy event at `time` (ISO) on `bucket`, with a fresh eventID unless given. */
export function policyEvent(
  time: string,
  bucket = 'data-bucket',
  overrides: Partial<CloudTrailEvent> = {},
): CloudTrailEvent {
  return cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'PutBucketPolicy',
    eventTime: time,
    awsRegion: 'eu-west-1',
    requestParameters: { bucketName: bucket, policy: { Version: '2012-10-17', Statement: [] } },
    recipientAccountId: ACCOUNT,
    ...overrides,
  });
}

/** Runs the event through the real engine and returns its one finding. */
export function findingFor(event: CloudTrailEvent, detector = bucketPolicyChanged): Finding {
  const [finding] = detect(detector, event);
  if (!finding) throw new Error(`test detector did not fire on ${event.eventID}`);
  return finding;
}

/** `minutes` after 2026-11-20T10:00:00Z, as CloudTrail writes eventTime. */
export function at(minutes: number): string {
  return new Date(Date.UTC(2026, 10, 20, 10, 0, 0) + minutes * 60_000)
    .toISOString()
    .replace('.000Z', 'Z');
}
