import { describe, expect, it } from 'vitest';
import {
  describeGrants,
  grantsPublicWrite,
  publicAclGrants,
  publicGroupOf,
} from '../../../detectors/helpers/s3-acl.js';

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
const LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';
const OWNER_ID = 'd25639fbe9c19cd30a4c0f43fbf00e2d3f96400a9aa8dabfbbebe1906Example';

const groupGrant = (uri: string, permission: string) => ({
  Grantee: {
    'xsi:type': 'Group',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    URI: uri,
  },
  Permission: permission,
});

const ownerGrant = {
  Grantee: {
    'xsi:type': 'CanonicalUser',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    ID: OWNER_ID,
  },
  Permission: 'FULL_CONTROL',
};

const aclBody = (grant: unknown) => ({
  AccessControlPolicy: {
    AccessControlList: { Grant: grant },
    xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/',
    Owner: { ID: OWNER_ID },
  },
});

describe('publicGroupOf', () => {
  it('recognises both public groups whatever the case', () => {
    expect(publicGroupOf(ALL_USERS)).toBe('AllUsers');
    expect(publicGroupOf(AUTHENTICATED_USERS.toLowerCase())).toBe('AuthenticatedUsers');
    expect(publicGroupOf('https://acs.amazonaws.com/groups/global/AllUsers/')).toBe('AllUsers');
  });

  it('does not treat the log-delivery group or look-alike hosts as public', () => {
    expect(publicGroupOf(LOG_DELIVERY)).toBeUndefined();
    expect(publicGroupOf('http://acs.amazonaws.com.evil.example/groups/global/AllUsers')).toBe(
      undefined,
    );
    expect(publicGroupOf(42)).toBeUndefined();
  });
});

describe('publicAclGrants', () => {
  it('expands a canned ACL logged as an array', () => {
    const grants = publicAclGrants({ bucketName: 'b', 'x-amz-acl': ['public-read-write'] });

    expect(describeGrants(grants)).toBe('AllUsers:READ, AllUsers:WRITE');
    expect(grants.every((g) => g.via === 'canned-acl')).toBe(true);
  });

  it('expands a canned ACL logged as a string', () => {
    expect(describeGrants(publicAclGrants({ 'x-amz-acl': 'authenticated-read' }))).toBe(
      'AuthenticatedUsers:READ',
    );
  });

  it('ignores canned ACLs that are not public', () => {
    for (const acl of ['private', 'log-delivery-write', 'bucket-owner-full-control', '']) {
      expect(publicAclGrants({ 'x-amz-acl': [acl] })).toEqual([]);
    }
  });

  it('finds a public grant in an ACL body written as a single object', () => {
    const grants = publicAclGrants(aclBody(groupGrant(ALL_USERS, 'READ')));

    expect(grants).toEqual([{ group: 'AllUsers', permission: 'READ', via: 'grant' }]);
  });

  it('finds a public grant among several in an ACL body array', () => {
    const grants = publicAclGrants(
      aclBody([ownerGrant, groupGrant(AUTHENTICATED_USERS, 'FULL_CONTROL')]),
    );

    expect(describeGrants(grants)).toBe('AuthenticatedUsers:FULL_CONTROL');
  });

  it('ignores grants to the owner and the log-delivery group', () => {
    const body = aclBody([
      ownerGrant,
      groupGrant(LOG_DELIVERY, 'WRITE'),
      groupGrant(LOG_DELIVERY, 'READ_ACP'),
    ]);

    expect(publicAclGrants(body)).toEqual([]);
  });

  it('reads public groups out of x-amz-grant-* headers', () => {
    const grants = publicAclGrants({
      'x-amz-grant-read': `id="${OWNER_ID}", uri="${ALL_USERS}"`,
      'x-amz-grant-write-acp': [`uri=${AUTHENTICATED_USERS}`],
    });

    expect(describeGrants(grants)).toBe('AllUsers:READ, AuthenticatedUsers:WRITE_ACP');
    expect(grants.every((g) => g.via === 'grant-header')).toBe(true);
  });

  it('ignores grant headers naming only accounts', () => {
    expect(
      publicAclGrants({ 'x-amz-grant-full-control': `id="${OWNER_ID}"`, 'x-amz-grant-read': 7 }),
    ).toEqual([]);
  });

  it('returns nothing for missing or malformed request parameters', () => {
    expect(publicAclGrants(null)).toEqual([]);
    expect(publicAclGrants('x-amz-acl')).toEqual([]);
    expect(publicAclGrants({ AccessControlPolicy: { AccessControlList: { Grant: 'x' } } })).toEqual(
      [],
    );
    expect(publicAclGrants(aclBody([null, { Grantee: null }, groupGrant(ALL_USERS, '')]))).toEqual(
      [],
    );
  });

  it('stays fast on a huge hostile header', () => {
    const value = `uri="${'a'.repeat(5_000_000)}`;

    expect(publicAclGrants({ 'x-amz-grant-read': value })).toEqual([]);
  });
});

describe('grantsPublicWrite', () => {
  it('is true for WRITE, WRITE_ACP and FULL_CONTROL', () => {
    for (const permission of ['WRITE', 'WRITE_ACP', 'FULL_CONTROL']) {
      expect(grantsPublicWrite([{ group: 'AllUsers', permission, via: 'grant' }])).toBe(true);
    }
  });

  it('is false for read-only grants', () => {
    expect(
      grantsPublicWrite([
        { group: 'AllUsers', permission: 'READ', via: 'grant' },
        { group: 'AllUsers', permission: 'READ_ACP', via: 'grant' },
      ]),
    ).toBe(false);
  });
});
