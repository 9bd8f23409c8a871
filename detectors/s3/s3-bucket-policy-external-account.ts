import { isElbLogDelivery } from '../helpers/elb-log-delivery.js';
import { getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { allowsS3Read, allowsS3Write } from '../helpers/s3-policy.js';
import { bucketArn, bucketOf } from '../helpers/s3-target.js';
import {
  describeOutside,
  isDirect,
  type OutsideGrant,
  outsideAccess,
  ownershipOf,
  readPolicy,
} from '../semantics/index.js';
import type { Detector } from '../types.js';

/** Outside accounts and organisations; `anyone` is s3-bucket-policy-public's, services are routine. */
function isExternal(grant: OutsideGrant): boolean {
  const { who } = grant;
  if (!isDirect(who) || who.kind === 'anyone' || who.kind === 'service') return false;
  return who.kind === 'organization' || !isElbLogDelivery(who.account, grant);
}

/** A bucket policy now grants an account outside the organisation's trusted set. */
export const s3BucketPolicyExternalAccount: Detector = {
  id: 's3-bucket-policy-external-account',
  title: 'S3 bucket policy grants an external account',
  severity: 'high',
  description:
    'PutBucketPolicy succeeded with an Allow statement for an AWS principal in an account that ' +
    'is neither the bucket owner nor in trustedAccounts (by principal, or by a condition such as ' +
    'aws:PrincipalAccount or aws:PrincipalArn naming it), or for any account of an organisation ' +
    'outside trustedOrganizationIds, judged as AWS evaluates the policy (a "pin" an outsider can ' +
    'meet, such as ForAllValues or IfExists on aws:PrincipalOrgID, pins nothing). High when that account may read objects or write, delete or ' +
    're-permission; medium for lesser grants such as listing. Backdooring a bucket policy is a ' +
    'quiet exfiltration path. CloudFront origin access identities, service principals and the ' +
    'AWS-owned Elastic Load Balancing accounts delivering access logs (PutObject only) are not ' +
    'flagged; public (`*`) policies are s3-bucket-policy-public. Benign causes: partner or ' +
    'vendor accounts (analytics, backup) missing from trustedAccounts.',
  attack: ['T1537', 'T1098'],
  references: [
    'CIS 5.8',
    'CloudWatch.8',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-walkthroughs-managing-access-example2.html',
  ],
  runbook: 's3-public-exposure',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 's3.amazonaws.com', eventNames: ['PutBucketPolicy'] }],
  match(event, ctx) {
    if (!succeeded(event)) return undefined;
    const policy = readPolicy(getPath(event.requestParameters, 'bucketPolicy'));
    if (!policy) return undefined;
    const own = accountOf(event);
    const grants = outsideAccess(policy, ownershipOf(own, ctx.settings)).filter(isExternal);
    if (grants.length === 0) return undefined;
    const dangerous = grants.some((g) => allowsS3Read(g) || allowsS3Write(g));
    const bucket = bucketOf(event) ?? 'unknown bucket';
    const who = grants.map((g) => describeOutside(g.who));
    return {
      summary: `${principalOf(event)} granted ${who.join(', ')} access to bucket ${bucket}`,
      dedupKey: `${own}|${principalForDedup(event)}|BucketPolicyExternal|${bucket}`,
      resources: [bucketArn(event, bucket)],
      severity: dangerous ? 'high' : 'medium',
    };
  },
};
