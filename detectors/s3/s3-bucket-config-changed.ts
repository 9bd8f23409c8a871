import { changeFinding } from '../helpers/change-tracking.js';
import { succeeded } from '../helpers/outcome.js';
import { bucketArn, bucketOf } from '../helpers/s3-target.js';
import type { Detector } from '../types.js';

/** CIS 5.8 / CloudWatch.8: bucket policy, ACL, CORS, lifecycle and replication changes. */
export const s3BucketConfigChanged: Detector = {
  id: 's3-bucket-config-changed',
  title: 'S3 bucket policy or configuration changed (CIS 5.8)',
  severity: 'low',
  description:
    "A bucket's ACL, policy, CORS, lifecycle or replication configuration was set or deleted: " +
    'the exact nine-event set of the CIS AWS Foundations "S3 bucket policy changes" metric ' +
    'filter. This is change tracking; public ACLs and policies, removed Block Public Access ' +
    'and disabled access logging have their own, more urgent detectors. Benign causes: bucket ' +
    'provisioning and routine configuration through infrastructure as code.',
  attack: ['T1098', 'T1530'],
  references: [
    'CIS 5.8',
    'CloudWatch.8',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html',
  ],
  runbook: 's3-public-exposure',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 's3.amazonaws.com',
      eventNames: [
        'PutBucketAcl',
        'PutBucketPolicy',
        'PutBucketCors',
        'PutBucketLifecycle',
        'PutBucketReplication',
        'DeleteBucketPolicy',
        'DeleteBucketCors',
        'DeleteBucketLifecycle',
        'DeleteBucketReplication',
      ],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    const bucket = bucketOf(event);
    return changeFinding(event, bucket ? bucketArn(event, bucket) : undefined);
  },
};
