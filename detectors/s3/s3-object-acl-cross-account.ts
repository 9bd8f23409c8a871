import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { accountAclGrants, aclOwnerGrantee } from '../helpers/s3-acl-grantees.js';
import { bucketArn, bucketOf, objectArn, objectKeyOf } from '../helpers/s3-target.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/** Permissions that let the grantee rewrite the ACL, and so take everything else. */
const TAKEOVER = new Set(['WRITE_ACP', 'FULL_CONTROL']);

/** The bucket owner, as CloudTrail's data-event resources name it, else the trail's account. */
function bucketOwner(event: CloudTrailEvent): string {
  const bucket = (event.resources ?? []).find((r) => r.type === 'AWS::S3::Bucket');
  return bucket?.accountId ?? accountOf(event);
}

/**
 * An account uploading into a bucket it does not own grants the bucket owner
 * access by canonical id: S3's documented cross-account upload pattern.
 */
function uploaderIsOutsider(event: CloudTrailEvent): boolean {
  const caller = event.userIdentity?.accountId;
  return caller !== undefined && caller !== null && caller !== bucketOwner(event);
}

/** An object ACL names a single account (canonical id or e-mail) as grantee. */
export const s3ObjectAclCrossAccount: Detector = {
  id: 's3-object-acl-cross-account',
  title: 'S3 object shared with another account by ACL',
  severity: 'medium',
  description:
    'PutObjectAcl, or an upload (PutObject, CopyObject, CreateMultipartUpload) with ' +
    'x-amz-grant-* headers, gave an account named by canonical user id or e-mail address ' +
    'access to an object in a bucket of ours. ACL grants are invisible in the bucket policy ' +
    'and survive policy reviews; an uploader can share every object it writes with an ' +
    'outside account. High when the grantee may rewrite the ACL (WRITE_ACP, FULL_CONTROL). ' +
    'These are CloudTrail data events. Ignored: the owner named in the ACL body, the ' +
    'CloudFront origin access identities in settings, and uploads by another account that ' +
    'grant the bucket owner control (the documented cross-account pattern). Benign causes: ' +
    'legacy cross-account sharing by ACL; redundant grants to the uploading account’s own ' +
    'canonical id.',
  attack: ['T1537', 'T1530'],
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateMultipartUpload.html',
  ],
  runbook: 's3-public-exposure',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 's3.amazonaws.com',
      eventNames: ['PutObjectAcl', 'PutObject', 'CopyObject', 'CreateMultipartUpload'],
    },
  ],
  match(event, ctx) {
    if (!succeeded(event) || uploaderIsOutsider(event)) return undefined;
    const owner = aclOwnerGrantee(event.requestParameters);
    const trusted = new Set(
      ctx.settings.cloudFrontOriginAccessIdentities.map((id) => `id:${id.toLowerCase()}`),
    );
    const grants = accountAclGrants(event.requestParameters).filter(
      (g) => g.grantee !== owner && !trusted.has(g.grantee),
    );
    if (grants.length === 0) return undefined;
    const bucket = bucketOf(event) ?? 'unknown bucket';
    const key = objectKeyOf(event);
    const target = key ? objectArn(event, bucket, key) : bucketArn(event, bucket);
    const granted = [...new Set(grants.map((g) => `${g.grantee}:${g.permission}`))].join(', ');
    return {
      summary: `${principalOf(event)} shared ${key ? `object ${key} in ` : 'an object in '}bucket ${bucket} by ACL via ${event.eventName} (${granted})`,
      // Per bucket and principal: a bulk upload with --grants is one incident.
      dedupKey: `${bucketOwner(event)}|${principalForDedup(event)}|ObjectAclAccount|${bucket}`,
      resources: [target],
      severity: grants.some((g) => TAKEOVER.has(g.permission)) ? 'high' : 'medium',
    };
  },
};
