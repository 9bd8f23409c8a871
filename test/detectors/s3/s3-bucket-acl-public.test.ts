import { describe, expect, it } from 'vitest';
import { s3BucketAclPublic } from '../../../detectors/s3/s3-bucket-acl-public.js';
import { detect } from '../../helpers/detect.js';
import { ACCOUNT, cloudTrailEvent, failed, identities } from '../../helpers/events.js';

const BUCKET = 'customer-invoices';
const OWNER_ID = 'd25639fbe9c19cd30a4c0f43fbf00e2d3f96400a9aa8dabfbbebe1906Example';
const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';

const grantee = (fields: Record<string, string>) => ({
  'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
  ...fields,
});
const ownerGrant = {
  Grantee: grantee({ 'xsi:type': 'CanonicalUser', ID: OWNER_ID }),
  Permission: 'FULL_CONTROL',
};
const groupGrant = (uri: string, permission: string) => ({
  Grantee: grantee({ 'xsi:type': 'Group', URI: uri }),
  Permission: permission,
});

/** PutBucketAcl shaped like the example in the S3 user guide's CloudTrail chapter. */
const putBucketAcl = (acl: Record<string, unknown>, overrides = {}) =>
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

const aclBody = (grant: unknown) => ({
  AccessControlPolicy: {
    AccessControlList: { Grant: grant },
    xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/',
    Owner: { ID: OWNER_ID },
  },
});

describe('Detector: s3-bucket-acl-public', () => {
  it('fires when the ACL body grants AllUsers READ', () => {
    // Prepare
    const event = putBucketAcl(aclBody([ownerGrant, groupGrant(ALL_USERS, 'READ')]));

    // Act
    const findings = detect(s3BucketAclPublic, event);

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.resources).toEqual([`arn:aws:s3:::${BUCKET}`]);
    expect(findings[0]?.summary).toContain('AllUsers:READ');
  });

  it('fires on a public-read canned ACL logged as an array', () => {
    const event = putBucketAcl(
      { 'x-amz-acl': ['public-read'] },
      { userIdentity: identities.assumedRole('Deploy', 'ci-run-42') },
    );

    const finding = detect(s3BucketAclPublic, event)[0];

    expect(finding?.severity).toBe('high');
    expect(finding?.dedupKey).not.toContain('ci-run-42');
  });

  it('fires on authenticated-read (any AWS account)', () => {
    const event = putBucketAcl({ 'x-amz-acl': 'authenticated-read' });

    expect(detect(s3BucketAclPublic, event)[0]?.summary).toContain('AuthenticatedUsers:READ');
  });

  it('is critical for public-read-write', () => {
    const event = putBucketAcl({ 'x-amz-acl': ['public-read-write'] });

    expect(detect(s3BucketAclPublic, event)[0]?.severity).toBe('critical');
  });

  it('is critical when AllUsers gets WRITE or FULL_CONTROL in the body', () => {
    for (const permission of ['WRITE', 'FULL_CONTROL']) {
      const event = putBucketAcl(aclBody(groupGrant(ALL_USERS, permission)));

      expect(detect(s3BucketAclPublic, event)[0]?.severity).toBe('critical');
    }
  });

  it('fires on an x-amz-grant-read header naming AllUsers', () => {
    const event = putBucketAcl({
      'x-amz-grant-read': `uri="${ALL_USERS}"`,
      'x-amz-grant-full-control': `id="${OWNER_ID}"`,
    });

    expect(detect(s3BucketAclPublic, event)[0]?.severity).toBe('high');
  });

  it('ignores grants to the log-delivery group', () => {
    const event = putBucketAcl(
      aclBody([
        ownerGrant,
        groupGrant(LOG_DELIVERY, 'WRITE'),
        groupGrant(LOG_DELIVERY, 'READ_ACP'),
      ]),
    );

    expect(detect(s3BucketAclPublic, event)).toEqual([]);
  });

  it('ignores canned ACLs that are not public', () => {
    for (const acl of ['private', 'log-delivery-write', 'bucket-owner-full-control']) {
      expect(detect(s3BucketAclPublic, putBucketAcl({ 'x-amz-acl': [acl] }))).toEqual([]);
    }
  });

  it('ignores a grant to a canonical user ID', () => {
    const otherAccount = {
      Grantee: grantee({ 'xsi:type': 'CanonicalUser', ID: 'a'.repeat(64) }),
      Permission: 'READ',
    };

    expect(detect(s3BucketAclPublic, putBucketAcl(aclBody([ownerGrant, otherAccount])))).toEqual(
      [],
    );
  });

  it('ignores a failed call', () => {
    const event = failed(putBucketAcl({ 'x-amz-acl': ['public-read'] }));

    expect(detect(s3BucketAclPublic, event)).toEqual([]);
  });

  it('ignores the same event name from another service', () => {
    const event = putBucketAcl(
      { 'x-amz-acl': ['public-read'] },
      { eventSource: 's3-outposts.amazonaws.com' },
    );

    expect(detect(s3BucketAclPublic, event)).toEqual([]);
  });

  it('ignores a record without request parameters', () => {
    expect(detect(s3BucketAclPublic, putBucketAcl({}, { requestParameters: null }))).toEqual([]);
  });
});
