import { asArray, asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { bucketArn, bucketOf } from '../helpers/s3-target.js';
import type { CloudTrailEvent, Detector } from '../types.js';

const MAX_DAYS = 7;
const DAY_MS = 86_400_000;

function days(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** An expiration date no later than a week after the call deletes data just as fast. */
function dateIsSoon(value: unknown, eventTime: string): boolean {
  const date = Date.parse(asString(value) ?? '');
  const now = Date.parse(eventTime);
  return Number.isFinite(date) && Number.isFinite(now) && date - now <= MAX_DAYS * DAY_MS;
}

/** What an enabled rule deletes within a week: current objects, old versions, or both. */
function shortExpirations(rule: unknown, eventTime: string): string[] {
  const out: string[] = [];
  const expiration = getPath(rule, 'Expiration');
  const current = days(getPath(expiration, 'Days'));
  if (current !== undefined && current <= MAX_DAYS) out.push(`objects after ${current} day(s)`);
  else if (dateIsSoon(getPath(expiration, 'Date'), eventTime)) out.push('objects within a week');
  const noncurrent = days(getPath(rule, 'NoncurrentVersionExpiration', 'NoncurrentDays'));
  if (noncurrent !== undefined && noncurrent <= MAX_DAYS) {
    out.push(`old versions after ${noncurrent} day(s)`);
  }
  return out;
}

function findings(event: CloudTrailEvent): string[] {
  const config = getPath(event.requestParameters, 'LifecycleConfiguration');
  const rules = asArray(getPath(config, 'Rule') ?? getPath(config, 'Rules'));
  const out: string[] = [];
  for (const rule of rules) {
    if (asString(getPath(rule, 'Status'))?.trim().toLowerCase() !== 'enabled') continue;
    out.push(...shortExpirations(rule, event.eventTime));
  }
  return [...new Set(out)];
}

/** A lifecycle rule now deletes a bucket's objects or versions within a week. */
export const s3LifecycleExpirationShort: Detector = {
  id: 's3-lifecycle-expiration-short',
  title: 'S3 lifecycle rule expires data within a week',
  severity: 'low',
  description:
    'PutBucketLifecycle succeeded with an enabled rule that expires objects (Expiration Days, ' +
    'or a Date) or noncurrent versions (NoncurrentDays) within 7 days. On a log bucket this ' +
    'is evidence destruction on a timer: S3 deletes the logs itself and no DeleteObject is ever ' +
    'logged; on data buckets it is slow-motion ransomware. High on buckets in logBuckets, low ' +
    'elsewhere (short expiry is normal for scratch and staging buckets).',
  attack: ['T1485', 'T1070'],
  references: [
    'CIS 5.8',
    'CloudWatch.8',
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketLifecycleConfiguration.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-expire-general-considerations.html',
  ],
  runbook: 's3-data-destruction',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 's3.amazonaws.com', eventNames: ['PutBucketLifecycle'] }],
  match(event, ctx) {
    if (!succeeded(event)) return undefined;
    const short = findings(event);
    if (short.length === 0) return undefined;
    const bucket = bucketOf(event) ?? 'unknown bucket';
    return {
      summary: `${principalOf(event)} set bucket ${bucket} to expire ${short.join(' and ')}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|BucketLifecycle|${bucket}`,
      resources: [bucketArn(event, bucket)],
      severity: ctx.settings.logBuckets.includes(bucket) ? 'high' : 'low',
    };
  },
};
