import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { describeGrants, grantsPublicWrite, publicAclGrants } from '../helpers/s3-acl.js';
import { bucketArn, bucketOf, objectArn, objectKeyOf } from '../helpers/s3-target.js';
import type { Detector } from '../types.js';

/** An object was made readable (or writable) by AllUsers or AuthenticatedUsers through its ACL. */
export const s3ObjectAclPublic: Detector = {
  id: 's3-object-acl-public',
  title: 'S3 object made public by ACL',
  severity: 'high',
  description:
    'PutObjectAcl, PutObject, CopyObject or CreateMultipartUpload (the ACL of a multipart ' +
    'upload is given when it starts) succeeded with a public canned ACL (public-read, ' +
    'public-read-write, authenticated-read) or a grant to AllUsers / AuthenticatedUsers. These ' +
    'are CloudTrail data events: the trail must log S3 data events for this to fire. Critical ' +
    'when the public may rewrite the ACL or take full control. Benign causes: uploads to a ' +
    'bucket that serves public assets (website, downloads) where ACLs are still enabled.',
  attack: ['T1530'],
  references: [
    'S3.2',
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObjectAcl.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateMultipartUpload.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html',
  ],
  runbook: 's3-public-exposure',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 's3.amazonaws.com',
      eventNames: ['PutObjectAcl', 'PutObject', 'CopyObject', 'CreateMultipartUpload'],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    const grants = publicAclGrants(event.requestParameters);
    if (grants.length === 0) return undefined;
    const bucket = bucketOf(event) ?? 'unknown bucket';
    const key = objectKeyOf(event);
    const target = key ? objectArn(event, bucket, key) : bucketArn(event, bucket);
    return {
      summary: `${principalOf(event)} made ${key ? `object ${key} in ` : 'an object in '}bucket ${bucket} public by ACL via ${event.eventName} (${describeGrants(grants)})`,
      // Per bucket, not per object: a bulk upload with --acl public-read is one incident.
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|ObjectAcl|${bucket}`,
      resources: [target],
      severity: grantsPublicWrite(grants) ? 'critical' : 'high',
    };
  },
};
