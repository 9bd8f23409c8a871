import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { bucketArn, bucketOf } from '../helpers/s3-target.js';
import { invokedByAnyOf, isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector, Severity } from '../types.js';

const CLOUDFORMATION = new Set(['cloudformation.amazonaws.com']);

/** A bucket was deleted: the end of wiping it, and its name is free for anyone to claim. */
export const s3BucketDeleted: Detector = {
  id: 's3-bucket-deleted',
  title: 'S3 bucket deleted',
  severity: 'medium',
  description:
    'DeleteBucket succeeded. S3 deletes only empty buckets, so every object and version was ' +
    'removed first: this is the last step of wiping a bucket. The name is then free for any ' +
    'account to register, and whatever still writes to it (log delivery, replication, ' +
    'applications, templates that name it) delivers to the new owner. High for a bucket ' +
    'listed in logBuckets (the audit trail goes with it); low when CloudFormation deletes it ' +
    'with a stack. Denied attempts are reported one level lower. Benign causes: stack ' +
    'teardown, decommissioning test and temporary buckets.',
  attack: ['T1485'],
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucket.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/delete-bucket.html',
  ],
  runbook: 's3-data-destruction',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 's3.amazonaws.com', eventNames: ['DeleteBucket'] }],
  match(event, ctx) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const bucket = bucketOf(event) ?? 'unknown bucket';
    let severity: Severity = 'medium';
    if (ctx.settings.logBuckets.includes(bucket)) severity = 'high';
    else if (invokedByAnyOf(event, CLOUDFORMATION)) severity = 'low';
    return {
      summary: `${principalOf(event)} deleted bucket ${bucket}`,
      severity,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|DeleteBucket|${bucket}`,
      resources: [bucketArn(event, bucket)],
    };
  },
};
