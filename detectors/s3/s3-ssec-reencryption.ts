import { asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { bucketArn, bucketOf, objectKeyOf } from '../helpers/s3-target.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/**
 * The object is written with a key the caller holds (SSE-C): the request header,
 * or `additionalEventData.SSEApplied` which S3 sets to `SSE_C`. The header for
 * the copy *source* (`x-amz-copy-source-server-side-encryption-customer-algorithm`)
 * is a different key and does not count: reading an SSE-C object is not re-encrypting.
 */
function writesWithCustomerKey(event: CloudTrailEvent): boolean {
  const header = asString(
    getPath(event.requestParameters, 'x-amz-server-side-encryption-customer-algorithm'),
  );
  if (header?.trim()) return true;
  return (
    asString(getPath(event.additionalEventData, 'SSEApplied'))?.trim().toUpperCase() === 'SSE_C'
  );
}

/** Objects rewritten under a customer-supplied key: the S3 ransomware technique. */
export const s3SsecReencryption: Detector = {
  id: 's3-ssec-reencryption',
  title: 'S3 objects re-encrypted with customer-provided keys (SSE-C)',
  severity: 'high',
  description:
    'At least 20 successful PutObject, CopyObject or CreateMultipartUpload calls with SSE-C ' +
    '(x-amz-server-side-encryption-customer-algorithm, or SSEApplied SSE_C) by one principal on ' +
    'one bucket within an hour (S3 data events must be enabled). Ransomware crews copy objects ' +
    'over themselves under a key only they hold; AWS never stores the key, so the data is ' +
    'unreadable without paying. Benign causes: applications that deliberately use SSE-C for ' +
    'their own objects (check whether the principal always did).',
  attack: ['T1486'],
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerSideEncryptionCustomerKeys.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html',
  ],
  runbook: 's3-data-destruction',
  dedupWindowSeconds: 3600,
  threshold: { count: 20, windowSeconds: 3600 },
  listensTo: [
    {
      eventSource: 's3.amazonaws.com',
      eventNames: ['PutObject', 'CopyObject', 'CreateMultipartUpload'],
    },
  ],
  match(event) {
    if (!succeeded(event) || !writesWithCustomerKey(event)) return undefined;
    const bucket = bucketOf(event) ?? 'unknown bucket';
    const key = objectKeyOf(event) ?? 'an object';
    return {
      summary: `${principalOf(event)} wrote ${key} in bucket ${bucket} under a customer-provided key (SSE-C)`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|SSE-C|${bucket}`,
      resources: [bucketArn(event, bucket)],
    };
  },
};
