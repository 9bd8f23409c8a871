import type { CloudTrailEvent } from '../types.js';

/** The account the event happened in (the trail's owner for org trails writes it per record). */
export function accountOf(event: CloudTrailEvent): string {
  return event.recipientAccountId ?? event.userIdentity?.accountId ?? 'unknown';
}

/** The 12-digit account id inside an ARN, if any. */
export function accountFromArn(arn: string | undefined): string | undefined {
  if (!arn) return undefined;
  const parts = arn.split(':');
  const account = parts[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

/**
 * A stable, readable name for whoever made the call, for every `userIdentity.type`.
 * Prefers the ARN; falls back to what each type carries. Never throws.
 */
export function principalOf(event: CloudTrailEvent): string {
  const id = event.userIdentity;
  if (!id) return 'unknown';
  if (id.type === 'AWSService') return id.invokedBy ?? 'AWSService';
  if (id.arn) return id.arn;
  if (id.type === 'Root') return `arn:aws:iam::${id.accountId ?? 'unknown'}:root`;
  if (id.type === 'AWSAccount') return `account:${id.accountId ?? id.principalId ?? 'unknown'}`;
  if (id.userName) return `${id.type ?? 'user'}:${id.userName}`;
  if (id.principalId) return `${id.type ?? 'principal'}:${id.principalId}`;
  return id.type ?? 'unknown';
}

/**
 * The principal with the assumed-role session name removed
 * (`arn:aws:sts::1:assumed-role/Role/session` -> `arn:aws:sts::1:assumed-role/Role`).
 * Session names are chosen by the caller, so they must not feed dedup keys.
 */
export function principalForDedup(event: CloudTrailEvent): string {
  const principal = principalOf(event);
  const match = /^(arn:[^:]+:sts::\d*:assumed-role\/[^/]+)\//.exec(principal);
  return match?.[1] ?? principal;
}

/** The IAM user name of the caller, when the caller is an IAM user. */
export function callerUserName(event: CloudTrailEvent): string | undefined {
  const id = event.userIdentity;
  if (id?.type !== 'IAMUser') return undefined;
  if (id.userName) return id.userName;
  const arn = id.arn ?? '';
  const slash = arn.lastIndexOf('/');
  return slash >= 0 ? arn.slice(slash + 1) : undefined;
}

/**
 * True for the account root user acting directly (not a service acting on its
 * behalf). Console actions by root carry `invokedBy: signin.amazonaws.com`: that
 * is still a person at the keyboard.
 */
export function isRootCaller(event: CloudTrailEvent): boolean {
  const id = event.userIdentity;
  if (id?.type !== 'Root' || event.eventType === 'AwsServiceEvent') return false;
  return !id.invokedBy || id.invokedBy === 'signin.amazonaws.com';
}
