import { getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { parsePolicy, publicAllowStatements } from '../helpers/policy.js';
import { allowsS3Write } from '../helpers/s3-policy.js';
import { bucketArn, bucketOf } from '../helpers/s3-target.js';
import type { Detector } from '../types.js';

/** A bucket policy now allows anyone (`*`) in without a condition that limits who. */
export const s3BucketPolicyPublic: Detector = {
  id: 's3-bucket-policy-public',
  title: 'S3 bucket policy made public',
  severity: 'high',
  description:
    'PutBucketPolicy succeeded with an Allow statement whose principal is * (or {"AWS": "*"}, ' +
    'or NotPrincipal) and no condition pinning who may use it (organisation, account, VPC ' +
    'endpoint, source ARN or IP). Critical when that statement also allows writes or deletes ' +
    '(s3:Put*, s3:Delete*, s3:*, *). Benign causes: a deliberately public website or download ' +
    'bucket; CloudFront origin access uses a service principal and does not fire.',
  attack: ['T1530'],
  references: [
    'CIS 5.8',
    'CloudWatch.8',
    'S3.2',
    'S3.3',
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketPolicy.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
  ],
  runbook: 's3-public-exposure',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 's3.amazonaws.com', eventNames: ['PutBucketPolicy'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    // S3 logs the policy parsed, as an object; parsePolicy also accepts a JSON string.
    const statements = parsePolicy(getPath(event.requestParameters, 'bucketPolicy'));
    if (!statements) return undefined;
    const open = publicAllowStatements(statements);
    if (open.length === 0) return undefined;
    const writable = open.some(allowsS3Write);
    const bucket = bucketOf(event) ?? 'unknown bucket';
    return {
      summary: `${principalOf(event)} set a public policy on bucket ${bucket}${writable ? ' allowing public writes or deletes' : ''}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|BucketPolicy|${bucket}`,
      resources: [bucketArn(event, bucket)],
      severity: writable ? 'critical' : 'high',
    };
  },
};
