import { ALERT_SCHEMA_VERSION, type Alert } from '../../alerting/alert.js';
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

/**
 * A distinct threshold: one principal changing the policies of 3 different
 * buckets within 5 minutes (the bucket is the counted value).
 */
export const bucketPolicySpread: Detector = {
  ...bucketPolicyChanged,
  id: 'test-bucket-policy-spread',
  title: 'Test: policies of several buckets changed',
  threshold: { count: 3, windowSeconds: 300, distinct: true },
  match(event, ctx) {
    const draft = bucketPolicyChanged.match(event, ctx);
    const bucket = asString(getPath(event.requestParameters, 'bucketName'));
    return (
      draft && {
        ...draft,
        dedupKey: `${event.recipientAccountId}|${principalForDedup(event)}`,
        distinctValue: bucket,
      }
    );
  },
};

/**
 * A first-seen detector: a principal changing a bucket policy for the first time
 * in its account, after 7 days of learning; forgotten after 30 days unseen.
 */
export const bucketPolicyNewPrincipal: Detector = {
  ...bucketPolicyChanged,
  id: 'test-bucket-policy-new-principal',
  title: 'Test: first bucket policy change by a principal',
  firstSeen: { learningDays: 7, forgetAfterDays: 30 },
  match(event, ctx) {
    const draft = bucketPolicyChanged.match(event, ctx);
    const key = `${event.recipientAccountId}|${principalForDedup(event)}`;
    return draft && { ...draft, dedupKey: key, firstSeenKey: key };
  },
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

/** `day` days (and `minutes`) after 2026-11-20T10:00:00Z, as CloudTrail writes eventTime. */
export function onDay(day: number, minutes = 0): string {
  return at(day * 1440 + minutes);
}

/** A complete alert as the aggregator builds it; override what the case is about. */
export function alertFixture(overrides: Partial<Alert> = {}): Alert {
  return {
    schemaVersion: ALERT_SCHEMA_VERSION,
    id: 'a'.repeat(64),
    detector: 'test-bucket-policy-changed',
    title: 'Test: bucket policy changed',
    severity: 'high',
    summary: `arn:aws:iam::${ACCOUNT}:user/alice changed the policy of data-bucket (and 2 more)`,
    firstSeen: '2026-11-20T10:00:00.000Z',
    lastSeen: '2026-11-20T10:59:00.000Z',
    count: 3,
    account: ACCOUNT,
    region: 'eu-west-1',
    principal: `arn:aws:iam::${ACCOUNT}:user/alice`,
    sourceIp: '203.0.113.10',
    resources: ['arn:aws:s3:::data-bucket'],
    eventIds: ['00000000-0000-4000-8000-000000000001'],
    dedupKey: `${ACCOUNT}|arn:aws:iam::${ACCOUNT}:user/alice|data-bucket`,
    runbook: {
      id: 's3-public-exposure',
      title: 'S3 bucket or object exposed publicly',
      url: 'https://github.com/trailwatch/trailwatch/blob/main/docs/runbooks/s3-public-exposure.md',
    },
    investigate: [],
    attack: ['T1098'],
    ...overrides,
  };
}

/** The hostile strings of research §3.E, for every output format's tests. */
export const HOSTILE = {
  fakeLogLine: 'aws-cli/2.0\n2026-11-20T10:00:00Z INFO all clear, alert closed',
  ansi: '\u001b[31mRED\u001b[0m',
  osc8: '\u001b]8;;https://evil.example\u0007Click me\u001b]8;;\u0007',
  slack: '<!channel> <@U123> <http://evil|Click>',
  html: '<script>alert(1)</script>',
  markdownLink: '[login](https://evil.example)',
  bidi: 'invoice\u202Egpj.exe',
  separators: 'a\u2028b\u2029c',
  injection: 'x","severity":"low","y":"',
  userAgent64k: 'Mozilla/5.0 '.repeat(5462),
} as const;
