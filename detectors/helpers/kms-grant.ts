import type { CloudTrailEvent, DetectorSettings, Severity } from '../types.js';
import { asArray, asString, getPath } from './fields.js';
import { accountFromArn, accountOf } from './identity.js';
import { classifyPrincipal, embeddedAccount, isTrustedAccount } from './resource-principal.js';

/**
 * Operations that hand an outsider our data or our identity: reading ciphertext
 * (Decrypt, re-encrypting it under a key they hold), signing or MACing as us, and
 * CreateGrant, which lets them hand the key on to anyone.
 */
const DANGEROUS_OPERATIONS = new Set([
  'decrypt',
  'reencryptfrom',
  'reencryptto',
  'creategrant',
  'sign',
  'generatemac',
  'derivesharedsecret',
]);

/** What a KMS CreateGrant gives to whom, when someone outside the trusted accounts gains. */
export interface OutsideKmsGrant {
  readonly key: string;
  /** The account that owns the key. */
  readonly owner: string;
  /** `grantee` may use the key; `retiring` may only retire the grant. */
  readonly role: 'grantee' | 'retiring';
  readonly account: string;
  readonly operations: readonly string[];
  readonly severity: Severity;
}

function text(value: unknown): string | undefined {
  const s = asString(value)?.trim();
  return s ? s : undefined;
}

/** The key's ARN when the request or response carries one, else the id or alias given. */
function keyOf(event: CloudTrailEvent): string {
  const requested = text(getPath(event.requestParameters, 'keyId'));
  const logged = text(getPath(event.responseElements, 'keyId'));
  if (requested && accountFromArn(requested)) return requested;
  return logged ?? requested ?? 'unknown key';
}

/**
 * The account a grant principal belongs to: an IAM or STS ARN, a bare account
 * id, or a 12-digit run inside an odd spelling. Service principals
 * (`rds.amazonaws.com`) belong to AWS and are nobody's account.
 */
function principalAccount(value: unknown): string | undefined {
  const principal = classifyPrincipal(value);
  if (!principal) return undefined;
  switch (principal.kind) {
    case 'account':
      return principal.account;
    case 'unknown':
      return embeddedAccount(principal.value);
    default:
      return undefined;
  }
}

function operationsOf(event: CloudTrailEvent): string[] {
  return asArray(getPath(event.requestParameters, 'operations'))
    .map(text)
    .filter((op): op is string => op !== undefined);
}

/**
 * Judges a CreateGrant request: the grantee or retiring principal that belongs to
 * an account neither the key owner's nor trusted. High when the grantee gets a
 * dangerous operation (or the operations cannot be read), medium for any other
 * grantee use and for an outside retiring principal. Undefined when everyone
 * named is inside.
 */
export function outsideKmsGrant(
  event: CloudTrailEvent,
  settings: DetectorSettings,
): OutsideKmsGrant | undefined {
  const key = keyOf(event);
  const owner = accountFromArn(key) ?? accountOf(event);
  const operations = operationsOf(event);
  const outside = (account: string | undefined): account is string =>
    account !== undefined && !isTrustedAccount(account, owner, settings);

  const grantee = principalAccount(getPath(event.requestParameters, 'granteePrincipal'));
  if (outside(grantee)) {
    const dangerous =
      operations.length === 0 ||
      operations.some((op) => DANGEROUS_OPERATIONS.has(op.toLowerCase()));
    return {
      key,
      owner,
      role: 'grantee',
      account: grantee,
      operations,
      severity: dangerous ? 'high' : 'medium',
    };
  }
  const retiring = principalAccount(getPath(event.requestParameters, 'retiringPrincipal'));
  if (outside(retiring)) {
    return { key, owner, role: 'retiring', account: retiring, operations, severity: 'medium' };
  }
  return undefined;
}
