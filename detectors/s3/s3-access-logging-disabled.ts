import { getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { bucketArn, bucketOf } from '../helpers/s3-target.js';
import type { Detector } from '../types.js';

/**
 * S3 disables access logging when PutBucketLogging sends a BucketLoggingStatus
 * without LoggingEnabled; CloudTrail logs that as `{}` or `{"xmlns": "..."}`
 * (or an empty string for an empty XML element). No BucketLoggingStatus at all
 * means the record does not say, so it is not judged.
 */
function disablesLogging(requestParameters: unknown): boolean {
  const status = getPath(requestParameters, 'BucketLoggingStatus');
  if (status === undefined || status === null) return false;
  if (typeof status === 'string') return status.trim() === '';
  if (typeof status !== 'object' || Array.isArray(status)) return false;
  const enabled = getPath(status, 'LoggingEnabled');
  return enabled === undefined || enabled === null;
}

/** Server access logging was turned off for a bucket. */
export const s3AccessLoggingDisabled: Detector = {
  id: 's3-access-logging-disabled',
  title: 'S3 server access logging disabled',
  severity: 'medium',
  description:
    'PutBucketLogging succeeded with no LoggingEnabled element, which turns server access ' +
    'logging off. Attackers do this before reading or deleting data so the object-level ' +
    'record (which CloudTrail lacks unless data events are on) stops. Benign causes: ' +
    'decommissioning a bucket, or moving to CloudTrail data events instead.',
  attack: ['T1562.008'],
  references: [
    'S3.9',
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketLogging.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 's3.amazonaws.com', eventNames: ['PutBucketLogging'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    if (!disablesLogging(event.requestParameters)) return undefined;
    const bucket = bucketOf(event) ?? 'unknown bucket';
    return {
      summary: `${principalOf(event)} disabled server access logging on bucket ${bucket}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|BucketLogging|${bucket}`,
      resources: [bucketArn(event, bucket)],
    };
  },
};
