import { isElbLogDelivery } from '../helpers/elb-log-delivery.js';
import { getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Statement } from '../helpers/policy.js';
import {
  describeExposure,
  type PolicyExposure,
  readTypedPolicy,
  statementExposures,
} from '../helpers/policy-exposure.js';
import { actionMatches, allowsS3Write } from '../helpers/s3-policy.js';
import { bucketArn, bucketOf } from '../helpers/s3-target.js';
import type { Detector } from '../types.js';

const READ_ACTIONS = ['s3:GetObject', 's3:GetObjectVersion'];

function allowsRead(statement: Statement): boolean {
  if (statement.actions.length > 0) {
    return READ_ACTIONS.some((a) => statement.actions.some((p) => actionMatches(p, a)));
  }
  return READ_ACTIONS.some((a) => !statement.notActions.some((p) => actionMatches(p, a)));
}

/** A bucket policy now grants an account outside the organisation's trusted set. */
export const s3BucketPolicyExternalAccount: Detector = {
  id: 's3-bucket-policy-external-account',
  title: 'S3 bucket policy grants an external account',
  severity: 'high',
  description:
    'PutBucketPolicy succeeded with an Allow statement for an AWS principal in an account that ' +
    'is neither the bucket owner nor in trustedAccounts (by principal, or by a condition such as ' +
    'aws:PrincipalAccount naming it), and not pinned by aws:PrincipalOrgID to an organisation in ' +
    'trustedOrganizationIds. High when that account may read objects or write, delete or ' +
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
    const statements = readTypedPolicy(getPath(event.requestParameters, 'bucketPolicy'));
    if (!statements) return undefined;
    const own = accountOf(event);
    const grants = new Map<string, PolicyExposure>();
    let dangerous = false;
    for (const typed of statements) {
      const external = statementExposures(typed, own, ctx.settings).filter(
        (e) =>
          e.kind === 'organization' ||
          (e.kind === 'account' && !isElbLogDelivery(e.account, typed.statement)),
      );
      if (external.length === 0) continue;
      for (const e of external) grants.set(describeExposure(e), e);
      dangerous ||= allowsRead(typed.statement) || allowsS3Write(typed.statement);
    }
    if (grants.size === 0) return undefined;
    const bucket = bucketOf(event) ?? 'unknown bucket';
    const who = [...grants.keys()];
    return {
      summary: `${principalOf(event)} granted ${who.join(', ')} access to bucket ${bucket}`,
      dedupKey: `${own}|${principalForDedup(event)}|BucketPolicyExternal|${bucket}`,
      resources: [bucketArn(event, bucket)],
      severity: dangerous ? 'high' : 'medium',
    };
  },
};
