import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { describeGrants, grantsPublicWrite, publicAclGrants } from '../helpers/s3-acl.js';
import { bucketArn, bucketOf } from '../helpers/s3-target.js';
import type { Detector } from '../types.js';

/** A bucket ACL now grants AllUsers or AuthenticatedUsers access. */
export const s3BucketAclPublic: Detector = {
  id: 's3-bucket-acl-public',
  title: 'S3 bucket ACL made public',
  severity: 'high',
  description:
    'PutBucketAcl succeeded with a public canned ACL (public-read, public-read-write, ' +
    'authenticated-read), or a grant to the AllUsers or AuthenticatedUsers group in the ACL ' +
    'body or an x-amz-grant-* header. AuthenticatedUsers means any AWS account, not just yours. ' +
    'Critical when the public may write, rewrite the ACL or take full control. Benign causes: ' +
    'a bucket deliberately hosting public content (prefer a policy behind CloudFront).',
  attack: ['T1530'],
  references: [
    'CIS 5.8',
    'CloudWatch.8',
    'S3.2',
    'S3.3',
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketAcl.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html',
  ],
  runbook: 's3-public-exposure',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 's3.amazonaws.com', eventNames: ['PutBucketAcl'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const grants = publicAclGrants(event.requestParameters);
    if (grants.length === 0) return undefined;
    const bucket = bucketOf(event) ?? 'unknown bucket';
    return {
      summary: `${principalOf(event)} made bucket ${bucket} public by ACL (${describeGrants(grants)})`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|BucketAcl|${bucket}`,
      resources: [bucketArn(event, bucket)],
      severity: grantsPublicWrite(grants) ? 'critical' : 'high',
    };
  },
};
