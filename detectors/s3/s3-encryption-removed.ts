import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { bucketArn, bucketOf } from '../helpers/s3-target.js';
import type { Detector } from '../types.js';

/** A bucket's default encryption configuration was deleted. */
export const s3EncryptionRemoved: Detector = {
  id: 's3-encryption-removed',
  title: 'S3 bucket default encryption removed',
  severity: 'medium',
  description:
    'DeleteBucketEncryption succeeded. Since January 2023 S3 still encrypts new objects with ' +
    'S3-managed keys (SSE-S3) afterwards, so what is lost is the customer-managed KMS key: ' +
    'its key policy no longer gates reads, and its usage stops showing in CloudTrail. Part of ' +
    'the usual ransomware preparation alongside suspending versioning. Benign causes: moving a ' +
    'bucket back to SSE-S3 to save KMS costs.',
  attack: ['T1562', 'T1486'],
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucketEncryption.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html',
  ],
  runbook: 's3-data-destruction',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 's3.amazonaws.com', eventNames: ['DeleteBucketEncryption'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const bucket = bucketOf(event) ?? 'unknown bucket';
    return {
      summary: `${principalOf(event)} removed default encryption from bucket ${bucket}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|BucketEncryption|${bucket}`,
      resources: [bucketArn(event, bucket)],
    };
  },
};
