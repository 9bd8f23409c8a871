import { asArray, asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { bucketArn, bucketOf } from '../helpers/s3-target.js';
import type { CloudTrailEvent, Detector, Severity } from '../types.js';

/** Data gone within a week is destruction on a timer, on any bucket. */
const SHORT_DAYS = 7;
/**
 * Audit logs kept for less than a year fall short of what most standards ask
 * (CIS and PCI DSS keep a year): on a log bucket that is a retention cut worth a review.
 */
const LOG_RETENTION_DAYS = 365;
const DAY_MS = 86_400_000;
const MAX_RULES = 1000;

function days(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** Days from the call until an expiration date, or undefined when unreadable. */
function daysUntil(value: unknown, eventTime: string): number | undefined {
  const date = Date.parse(asString(value) ?? '');
  const now = Date.parse(eventTime);
  if (!Number.isFinite(date) || !Number.isFinite(now)) return undefined;
  return Math.max(0, Math.ceil((date - now) / DAY_MS));
}

interface Expiry {
  readonly what: string;
  readonly days: number;
}

/** What an enabled rule deletes and after how many days: current objects, old versions, or both. */
function expiries(rule: unknown, eventTime: string): Expiry[] {
  const out: Expiry[] = [];
  const expiration = getPath(rule, 'Expiration');
  const current = days(getPath(expiration, 'Days'));
  if (current !== undefined) out.push({ what: `objects after ${current} day(s)`, days: current });
  else {
    const until = daysUntil(getPath(expiration, 'Date'), eventTime);
    if (until !== undefined) out.push({ what: `objects within ${until} day(s)`, days: until });
  }
  const noncurrent = days(getPath(rule, 'NoncurrentVersionExpiration', 'NoncurrentDays'));
  if (noncurrent !== undefined) {
    out.push({ what: `old versions after ${noncurrent} day(s)`, days: noncurrent });
  }
  return out;
}

/** Every expiry of the enabled rules of a PutBucketLifecycle request (XML turned JSON: one rule may be an object). */
function enabledExpiries(event: CloudTrailEvent): Expiry[] {
  const config = getPath(event.requestParameters, 'LifecycleConfiguration');
  const rules = asArray(getPath(config, 'Rule') ?? getPath(config, 'Rules')).slice(0, MAX_RULES);
  return rules
    .filter((rule) => asString(getPath(rule, 'Status'))?.trim().toLowerCase() === 'enabled')
    .flatMap((rule) => expiries(rule, event.eventTime));
}

function judge(short: readonly Expiry[], isLogBucket: boolean): Severity | undefined {
  if (short.some((e) => e.days <= SHORT_DAYS)) return isLogBucket ? 'high' : 'low';
  return isLogBucket && short.length > 0 ? 'medium' : undefined;
}

/** A lifecycle rule now deletes a bucket's objects or versions within a week, or a log bucket's within a year. */
export const s3LifecycleExpirationShort: Detector = {
  id: 's3-lifecycle-expiration-short',
  title: 'S3 lifecycle rule expires data within a week (log data within a year)',
  severity: 'low',
  description:
    'PutBucketLifecycle (which CloudTrail also logs for PutBucketLifecycleConfiguration) ' +
    'succeeded with an enabled rule that expires objects (Expiration Days, or a Date) or ' +
    `noncurrent versions (NoncurrentDays) within ${SHORT_DAYS} days. On a log bucket this is ` +
    'evidence destruction on a timer: S3 deletes the logs itself and no DeleteObject is ever ' +
    'logged; on data buckets it is slow-motion ransomware. High on buckets in logBuckets, low ' +
    'elsewhere (short expiry is normal for scratch and staging buckets). On a log bucket, any ' +
    `expiry under ${LOG_RETENTION_DAYS} days is medium: retention cut below the year most ` +
    'audit standards ask for. Day counts logged as strings, single rules logged as objects, ' +
    'and one short rule among several are all read.',
  attack: ['T1485', 'T1070', 'T1562.008'],
  references: [
    'CIS 5.8',
    'CloudWatch.8',
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketLifecycleConfiguration.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-expire-general-considerations.html',
  ],
  runbook: 's3-data-destruction',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 's3.amazonaws.com',
      // S3 logs PutBucketLifecycleConfiguration as PutBucketLifecycle; the longer name
      // is listened to as well so a record written under it is not missed.
      eventNames: ['PutBucketLifecycle', 'PutBucketLifecycleConfiguration'],
    },
  ],
  match(event, ctx) {
    if (!succeeded(event)) return undefined;
    const bucket = bucketOf(event) ?? 'unknown bucket';
    const isLogBucket = ctx.settings.logBuckets.includes(bucket);
    const limit = isLogBucket ? LOG_RETENTION_DAYS - 1 : SHORT_DAYS;
    const short = enabledExpiries(event).filter((e) => e.days <= limit);
    const severity = judge(short, isLogBucket);
    if (!severity) return undefined;
    const what = [...new Set(short.map((e) => e.what))];
    return {
      summary: `${principalOf(event)} set ${isLogBucket ? 'log bucket' : 'bucket'} ${bucket} to expire ${what.join(' and ')}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|BucketLifecycle|${bucket}`,
      resources: [bucketArn(event, bucket)],
      severity,
    };
  },
};
