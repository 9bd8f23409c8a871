import type { DetectorSettings } from '../types.js';
import { accountFromArn } from './identity.js';

/** Who a resource-policy grant names, as a `principal` request field spells it. */
export type ResourcePrincipal =
  | { readonly kind: 'anyone' }
  | { readonly kind: 'account'; readonly account: string }
  | { readonly kind: 'service'; readonly service: string }
  | { readonly kind: 'unknown'; readonly value: string };

const ACCOUNT_ID = /^\d{12}$/;
// Regional service principals (`logs.eu-west-1.amazonaws.com`) and China's `.amazonaws.com.cn`
// match too; Alexa's `alexa-appkit.amazon.com` is the one family outside amazonaws.com.
const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]*\.(amazonaws\.com(\.cn)?|amazon\.com)$/i;

/**
 * Classifies the principal of an AddPermission-style grant: `*`, a 12-digit
 * account id, an IAM/STS ARN (root, role, user, assumed role) reduced to its
 * account, or an AWS service principal. Undefined when the field is not a string.
 */
export function classifyPrincipal(value: unknown): ResourcePrincipal | undefined {
  if (typeof value !== 'string') return undefined;
  const principal = value.trim();
  if (principal === '*') return { kind: 'anyone' };
  if (ACCOUNT_ID.test(principal)) return { kind: 'account', account: principal };
  if (principal.startsWith('arn:')) {
    const account = accountFromArn(principal);
    return account ? { kind: 'account', account } : { kind: 'unknown', value: principal };
  }
  if (SERVICE_PRINCIPAL.test(principal)) return { kind: 'service', service: principal };
  return { kind: 'unknown', value: principal };
}

/** True when `account` is the resource owner's own account or one the operator trusts. */
export function isTrustedAccount(
  account: string,
  ownAccount: string,
  settings: DetectorSettings,
): boolean {
  return account === ownAccount || settings.trustedAccounts.includes(account);
}

/** The first 12-digit run in a string: an account hidden in an odd principal or source ARN. */
export function embeddedAccount(value: string): string | undefined {
  return /(?:^|\D)(\d{12})(?:\D|$)/.exec(value)?.[1];
}
