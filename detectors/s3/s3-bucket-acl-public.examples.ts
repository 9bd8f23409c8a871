import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** The bucket every example's ACL change targets. */
export const BUCKET = 'customer-invoices';
/** Canonical user ID of the bucket owner. */
export const OWNER_ID = 'd25639fbe9c19cd30a4c0f43fbf00e2d3f96400a9aa8dabfbbebe1906Example';
/** Grantee group URI for everyone, signed in or not. */
export const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
/** Grantee group URI S3 server access logging writes as. */
export const LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';

/** An ACL grantee element with the XML schema namespace S3 logs. */
export const grantee = (fields: Record<string, string>) => ({
  'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
  ...fields,
});
/** The owner's FULL_CONTROL grant every ACL body starts with. */
export const ownerGrant = {
  Grantee: grantee({ 'xsi:type': 'CanonicalUser', ID: OWNER_ID }),
  Permission: 'FULL_CONTROL',
};
/** A grant of `permission` to the predefined group at `uri`. */
export const groupGrant = (uri: string, permission: string) => ({
  Grantee: grantee({ 'xsi:type': 'Group', URI: uri }),
  Permission: permission,
});

/** PutBucketAcl shaped like the example in the S3 user guide's CloudTrail chapter. */
export const putBucketAcl = (
  acl: Record<string, unknown>,
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'PutBucketAcl',
    requestParameters: {
      bucketName: BUCKET,
      Host: `${BUCKET}.s3.us-east-1.amazonaws.com`,
      acl: [''],
      ...acl,
    },
    additionalEventData: {
      SignatureVersion: 'SigV4',
      CipherSuite: 'TLS_AES_128_GCM_SHA256',
      AuthenticationMethod: 'AuthHeader',
    },
    resources: [{ accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${BUCKET}` }],
    ...overrides,
  });

/** The AccessControlPolicy request body holding `grant` (an array, or one grant as an object). */
export const aclBody = (grant: unknown) => ({
  AccessControlPolicy: {
    AccessControlList: { Grant: grant },
    xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/',
    Owner: { ID: OWNER_ID },
  },
});

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'ACL body grants AllUsers READ',
      events: [putBucketAcl(aclBody([ownerGrant, groupGrant(ALL_USERS, 'READ')]))],
    },
    {
      name: 'public-read canned ACL from a deploy role',
      events: [
        putBucketAcl(
          { 'x-amz-acl': ['public-read'] },
          { userIdentity: identities.assumedRole('Deploy', 'ci-run-42') },
        ),
      ],
    },
    {
      name: 'single AllUsers WRITE grant as an object, not an array',
      events: [putBucketAcl(aclBody(groupGrant(ALL_USERS, 'WRITE')))],
    },
  ],
  noFire: [
    {
      name: 'log-delivery group granted write for access logs',
      events: [
        putBucketAcl(
          aclBody([
            ownerGrant,
            groupGrant(LOG_DELIVERY, 'WRITE'),
            groupGrant(LOG_DELIVERY, 'READ_ACP'),
          ]),
        ),
      ],
    },
    {
      name: 'bucket-owner-full-control canned ACL',
      events: [putBucketAcl({ 'x-amz-acl': ['bucket-owner-full-control'] })],
    },
    {
      name: 'denied public-read',
      events: [failed(putBucketAcl({ 'x-amz-acl': ['public-read'] }))],
    },
  ],
};
