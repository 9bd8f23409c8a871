import { asArray, asString, getPath } from './fields.js';

/**
 * Reads the account grantees of an S3 ACL change as CloudTrail logs it, the
 * counterpart of `publicAclGrants` (s3-acl.ts) for grants that name one account:
 * a canonical user id or the e-mail address of an account's root user. Grant
 * headers (`x-amz-grant-read: id="...", emailAddress="..."`) and the XML body
 * (`Grantee` of type CanonicalUser or AmazonCustomerByEmail) are both read.
 */

/** One permission given to a single account. */
export interface AccountGrant {
  /** `id:<canonical user id>` or `email:<address>`. */
  readonly grantee: string;
  readonly kind: 'canonical-id' | 'email';
  /** `READ`, `WRITE`, `READ_ACP`, `WRITE_ACP` or `FULL_CONTROL`. */
  readonly permission: string;
}

const GRANT_HEADERS: Readonly<Record<string, string>> = {
  'x-amz-grant-read': 'READ',
  'x-amz-grant-write': 'WRITE',
  'x-amz-grant-read-acp': 'READ_ACP',
  'x-amz-grant-write-acp': 'WRITE_ACP',
  'x-amz-grant-full-control': 'FULL_CONTROL',
};

// `type="value"` pairs separated by commas; quotes are optional, case of the type is not fixed.
// The type must start the header or follow a comma, so `uri="...?id=x"` is not read as an id.
const PAIR_IN_HEADER = /(?:^|,)\s*(id|emailaddress)\s*=\s*"?([^",\s]+)"?/gi;

/** Caps the work on attacker-sized header values; real headers are short. */
const MAX_HEADER_CHARS = 64 * 1024;

function headerValues(requestParameters: unknown, header: string): string[] {
  return asArray(getPath(requestParameters, header))
    .map(asString)
    .filter((v): v is string => v !== undefined);
}

function grantOf(type: string, value: string, permission: string): AccountGrant {
  const email = type.toLowerCase() === 'emailaddress';
  return {
    grantee: email ? `email:${value.toLowerCase()}` : `id:${value.toLowerCase()}`,
    kind: email ? 'email' : 'canonical-id',
    permission,
  };
}

function fromGrantHeaders(requestParameters: unknown): AccountGrant[] {
  const out: AccountGrant[] = [];
  for (const [header, permission] of Object.entries(GRANT_HEADERS)) {
    for (const value of headerValues(requestParameters, header)) {
      for (const match of value.slice(0, MAX_HEADER_CHARS).matchAll(PAIR_IN_HEADER)) {
        const [, type, grantee] = match;
        if (type && grantee) out.push(grantOf(type, grantee, permission));
      }
    }
  }
  return out;
}

function fromGrantBody(requestParameters: unknown): AccountGrant[] {
  const grants = asArray(
    getPath(requestParameters, 'AccessControlPolicy', 'AccessControlList', 'Grant'),
  );
  const out: AccountGrant[] = [];
  for (const grant of grants) {
    const permission = asString(getPath(grant, 'Permission'))?.trim().toUpperCase();
    if (!permission) continue;
    const id = asString(getPath(grant, 'Grantee', 'ID'))?.trim();
    const email = asString(getPath(grant, 'Grantee', 'EmailAddress'))?.trim();
    if (id) out.push(grantOf('id', id, permission));
    else if (email) out.push(grantOf('emailaddress', email, permission));
  }
  return out;
}

/**
 * The owner a PutObjectAcl / PutBucketAcl XML body declares (`Owner.ID`): its own
 * grants are the owner keeping control, not a grant to someone else.
 */
export function aclOwnerGrantee(requestParameters: unknown): string | undefined {
  const id = asString(getPath(requestParameters, 'AccessControlPolicy', 'Owner', 'ID'))?.trim();
  return id ? `id:${id.toLowerCase()}` : undefined;
}

/** Every permission the request gives to a single account, from headers and body. */
export function accountAclGrants(requestParameters: unknown): AccountGrant[] {
  return [...fromGrantHeaders(requestParameters), ...fromGrantBody(requestParameters)];
}
