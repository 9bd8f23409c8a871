import { describe, expect, it } from 'vitest';
import { accountAclGrants, aclOwnerGrantee } from '../../../detectors/helpers/s3-acl-grantees.js';

const ID_A = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be';
const ID_B = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';

describe('accountAclGrants', () => {
  it('reads every account pair of a grant header, quoted or not, in any case', () => {
    const grants = accountAclGrants({
      'x-amz-grant-read': `id="${ID_A}", emailAddress=Someone@Example.net, uri="http://acs.amazonaws.com/groups/global/AllUsers"`,
      'x-amz-grant-full-control': [`ID=${ID_B.toUpperCase()}`],
    });

    expect(grants).toEqual([
      { grantee: `id:${ID_A}`, kind: 'canonical-id', permission: 'READ' },
      { grantee: 'email:someone@example.net', kind: 'email', permission: 'READ' },
      { grantee: `id:${ID_B}`, kind: 'canonical-id', permission: 'FULL_CONTROL' },
    ]);
  });

  it('does not read an id out of a URI value', () => {
    expect(
      accountAclGrants({ 'x-amz-grant-read': 'uri="http://acs.amazonaws.com/groups/x?id=1"' }),
    ).toEqual([]);
  });

  it('reads CanonicalUser and AmazonCustomerByEmail grantees of an XML body, single or listed', () => {
    const body = (grant: unknown) => ({
      AccessControlPolicy: { Owner: { ID: ID_B }, AccessControlList: { Grant: grant } },
    });
    const single = body({ Grantee: { 'xsi:type': 'CanonicalUser', ID: ID_A }, Permission: 'read' });
    const listed = body([
      {
        Grantee: { 'xsi:type': 'AmazonCustomerByEmail', EmailAddress: 'x@example.org' },
        Permission: 'WRITE_ACP',
      },
      {
        Grantee: { 'xsi:type': 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' },
        Permission: 'READ',
      },
    ]);

    expect(accountAclGrants(single)).toEqual([
      { grantee: `id:${ID_A}`, kind: 'canonical-id', permission: 'READ' },
    ]);
    expect(accountAclGrants(listed)).toEqual([
      { grantee: 'email:x@example.org', kind: 'email', permission: 'WRITE_ACP' },
    ]);
    expect(aclOwnerGrantee(single)).toBe(`id:${ID_B}`);
  });

  it('returns nothing for canned ACLs, odd shapes and missing parameters', () => {
    expect(accountAclGrants({ 'x-amz-acl': 'bucket-owner-full-control' })).toEqual([]);
    expect(accountAclGrants({ 'x-amz-grant-read': 42 })).toEqual([]);
    expect(accountAclGrants(null)).toEqual([]);
    expect(aclOwnerGrantee({ AccessControlPolicy: { Owner: 'x' } })).toBeUndefined();
  });

  it('bounds its work on an attacker-sized header', () => {
    const huge = `${'id=a,'.repeat(100_000)}`;
    expect(accountAclGrants({ 'x-amz-grant-read': huge }).length).toBeLessThanOrEqual(64 * 1024);
  });
});
