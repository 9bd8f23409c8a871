import { describe, expect, it } from 'vitest';
import {
  ALL_USERS,
  aclBody,
  BUCKET,
  grantee,
  groupGrant,
  LOG_DELIVERY,
  OWNER_ID,
  ownerGrant,
  putBucketAcl,
} from '../../../detectors/s3/s3-bucket-acl-public.examples.js';
import { s3BucketAclPublic } from '../../../detectors/s3/s3-bucket-acl-public.js';
import { detect } from '../../helpers/detect.js';
import { failed, identities } from '../../helpers/events.js';

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
