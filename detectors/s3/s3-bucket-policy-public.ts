import { getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { allowsS3Write } from '../helpers/s3-policy.js';
import { bucketArn, bucketOf } from '../helpers/s3-target.js';
import { outsideAccess, ownershipOf, readPolicy } from '../semantics/index.js';
import type { Detector } from '../types.js';

/** A bucket policy now lets anyone in: no condition or Deny keeps an outsider out. */
export const s3BucketPolicyPublic: Detector = {
  id: 's3-bucket-policy-public',
  title: 'S3 bucket policy made public',
  severity: 'high',
  description:
    'PutBucketPolicy succeeded with a policy that lets anyone in, judged as AWS evaluates it: ' +
    'an Allow for * (or {"AWS": "*"}, or NotPrincipal) whose conditions an outsider can meet ' +
    '(wildcard ARNs, endpoint or organisation patterns, IP ranges that add up to the internet, ' +
    'ForAllValues on a key anonymous callers lack, keys the caller controls) and that no Deny ' +
    'certainly takes back. A trusted aws:PrincipalOrgID, our own VPC endpoint, private or office ' +
    'CIDRs and our accounts restrict; TLS-only conditions do not. Critical when anyone may ' +
    'write or delete (s3:Put*, s3:Delete*, s3:*, *, NotAction). Benign causes: a deliberately ' +
    'public website or download bucket; CloudFront origin access uses a service principal and ' +
    'does not fire.',
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
  match(event, ctx) {
    if (!succeeded(event)) return undefined;
    // S3 logs the policy parsed, as an object; readPolicy also accepts a JSON string.
    const policy = readPolicy(getPath(event.requestParameters, 'bucketPolicy'));
    if (!policy) return undefined;
    const owner = ownershipOf(accountOf(event), ctx.settings);
    const open = outsideAccess(policy, owner).filter((grant) => grant.who.kind === 'anyone');
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
