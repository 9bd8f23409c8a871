import { asArray, asString, getPath } from './fields.js';

/**
 * Reads the public part of an S3 ACL change (PutBucketAcl, PutObjectAcl, and
 * PutObject/CopyObject with an ACL) as CloudTrail logs it. An ACL reaches S3 in
 * three spellings, and CloudTrail keeps each: a canned ACL header
 * (`x-amz-acl`, a string or a one-element array), an XML body
 * (`AccessControlPolicy.AccessControlList.Grant`, one object or an array), and
 * grant headers (`x-amz-grant-read: uri="http://acs.amazonaws.com/..."`).
 */

/** The two S3 groups that mean "everyone": anybody at all, or any AWS account holder. */
export type PublicGroup = 'AllUsers' | 'AuthenticatedUsers';

/** One permission given to a public group, and where in the request it was found. */
export interface PublicGrant {
  readonly group: PublicGroup;
  /** `READ`, `WRITE`, `READ_ACP`, `WRITE_ACP` or `FULL_CONTROL`. */
  readonly permission: string;
  readonly via: 'canned-acl' | 'grant' | 'grant-header';
}

/** Canned ACLs that open the resource, with the grants S3 expands them to. */
const PUBLIC_CANNED_ACLS: Readonly<Record<string, readonly [PublicGroup, string][]>> = {
  'public-read': [['AllUsers', 'READ']],
  'public-read-write': [
    ['AllUsers', 'READ'],
    ['AllUsers', 'WRITE'],
  ],
  'authenticated-read': [['AuthenticatedUsers', 'READ']],
};

const GRANT_HEADERS: Readonly<Record<string, string>> = {
  'x-amz-grant-read': 'READ',
  'x-amz-grant-write': 'WRITE',
  'x-amz-grant-read-acp': 'READ_ACP',
  'x-amz-grant-write-acp': 'WRITE_ACP',
  'x-amz-grant-full-control': 'FULL_CONTROL',
};

// S3 accepts the group URIs case-insensitively over http; tolerate https and a trailing slash
// so a hand-written request cannot slip past on spelling. The log-delivery group
// (`/groups/s3/LogDelivery`) is deliberately not matched: it is S3's own logging service.
const PUBLIC_GROUP_URI =
  /^\s*https?:\/\/acs\.amazonaws\.com\/groups\/global\/(allusers|authenticatedusers)\/?\s*$/i;

// A grant header is a comma-separated list of `type="value"` pairs; quotes are optional.
const URI_IN_HEADER = /uri\s*=\s*"?([^",]+)"?/gi;

/** Caps the work on attacker-sized header values; real headers are short. */
const MAX_HEADER_CHARS = 64 * 1024;

/** The public group a grantee URI names, if it names one. */
export function publicGroupOf(uri: unknown): PublicGroup | undefined {
  const text = asString(uri);
  if (text === undefined) return undefined;
  const match = PUBLIC_GROUP_URI.exec(text);
  if (!match) return undefined;
  return match[1]?.toLowerCase() === 'allusers' ? 'AllUsers' : 'AuthenticatedUsers';
}

/** Every value of a header CloudTrail may log as a string or as an array of strings. */
function headerValues(requestParameters: unknown, header: string): string[] {
  return asArray(getPath(requestParameters, header))
    .map(asString)
    .filter((v): v is string => v !== undefined);
}

function fromCannedAcl(requestParameters: unknown): PublicGrant[] {
  return headerValues(requestParameters, 'x-amz-acl').flatMap((value) => {
    const grants = PUBLIC_CANNED_ACLS[value.trim().toLowerCase()] ?? [];
    return grants.map(([group, permission]) => ({ group, permission, via: 'canned-acl' as const }));
  });
}

function fromGrantBody(requestParameters: unknown): PublicGrant[] {
  const grants = asArray(
    getPath(requestParameters, 'AccessControlPolicy', 'AccessControlList', 'Grant'),
  );
  const out: PublicGrant[] = [];
  for (const grant of grants) {
    const group = publicGroupOf(getPath(grant, 'Grantee', 'URI'));
    const permission = asString(getPath(grant, 'Permission'));
    if (group && permission) {
      out.push({ group, permission: permission.trim().toUpperCase(), via: 'grant' });
    }
  }
  return out;
}

function fromGrantHeaders(requestParameters: unknown): PublicGrant[] {
  const out: PublicGrant[] = [];
  for (const [header, permission] of Object.entries(GRANT_HEADERS)) {
    for (const value of headerValues(requestParameters, header)) {
      for (const match of value.slice(0, MAX_HEADER_CHARS).matchAll(URI_IN_HEADER)) {
        const group = publicGroupOf(match[1]);
        if (group) out.push({ group, permission, via: 'grant-header' });
      }
    }
  }
  return out;
}

/**
 * Every permission the request gives to AllUsers or AuthenticatedUsers, from any
 * of the three ACL spellings. Empty when the ACL is private, names only accounts
 * or the log-delivery group, or `requestParameters` is missing or malformed.
 */
export function publicAclGrants(requestParameters: unknown): PublicGrant[] {
  return [
    ...fromCannedAcl(requestParameters),
    ...fromGrantBody(requestParameters),
    ...fromGrantHeaders(requestParameters),
  ];
}

/**
 * Permissions that let the public change data or the ACL itself. WRITE_ACP counts:
 * whoever may rewrite the ACL can grant themselves everything else.
 */
const WRITE_PERMISSIONS = new Set(['WRITE', 'WRITE_ACP', 'FULL_CONTROL']);

/** True when any public grant lets outsiders write, delete or take over the resource. */
export function grantsPublicWrite(grants: readonly PublicGrant[]): boolean {
  return grants.some((g) => WRITE_PERMISSIONS.has(g.permission));
}

/** A short, de-duplicated description such as `AllUsers:READ, AllUsers:WRITE`. */
export function describeGrants(grants: readonly PublicGrant[]): string {
  return [...new Set(grants.map((g) => `${g.group}:${g.permission}`))].join(', ');
}
