import { type DetectorSettings, SEVERITY_RANK, type Severity } from '../types.js';
import { asString, getPath } from './fields.js';
import { accountFromArn } from './identity.js';
import { listItems } from './request-values.js';
import { isTrustedAccount } from './resource-principal.js';

/**
 * Who a snapshot, image or database snapshot was shared with. EC2 and RDS both
 * use the word `all` for "every AWS account" (public).
 */
export type ShareRecipient =
  | { readonly kind: 'public' }
  | { readonly kind: 'account'; readonly account: string }
  | {
      readonly kind: 'organization';
      readonly arn: string;
      readonly orgId: string | undefined;
      readonly managementAccount: string | undefined;
    }
  | { readonly kind: 'unknown'; readonly value: string };

const ACCOUNT_ID = /^\d{12}$/;
const ORG_ID = /\/(o-[a-z0-9]{10,32})(?:\/|$)/;

function isAll(value: string): boolean {
  return value.trim().toLowerCase() === 'all';
}

function recipientOfValue(value: string): ShareRecipient {
  const text = value.trim();
  if (isAll(text)) return { kind: 'public' };
  if (ACCOUNT_ID.test(text)) return { kind: 'account', account: text };
  return { kind: 'unknown', value: text };
}

function organizationRecipient(arn: string): ShareRecipient {
  return {
    kind: 'organization',
    arn,
    orgId: ORG_ID.exec(arn)?.[1],
    managementAccount: accountFromArn(arn),
  };
}

/** One `{group | userId | organizationArn | organizationalUnitArn}` permission item. */
function recipientOfItem(item: unknown): ShareRecipient | undefined {
  if (typeof item === 'string') return recipientOfValue(item);
  const group = asString(getPath(item, 'group')) ?? asString(getPath(item, 'userGroup'));
  if (group !== undefined) return isAll(group) ? { kind: 'public' } : recipientOfValue(group);
  const user = asString(getPath(item, 'userId'));
  if (user !== undefined) return recipientOfValue(user);
  const org =
    asString(getPath(item, 'organizationArn')) ?? asString(getPath(item, 'organizationalUnitArn'));
  return org === undefined ? undefined : organizationRecipient(org.trim());
}

/**
 * Recipients an EC2 ModifySnapshotAttribute / ModifyImageAttribute call adds,
 * read from `<attribute>.add.items[]` as CloudTrail logs it (a bare array or a
 * single item is accepted too), plus the older flat form
 * (`operationType: add` with `userId`/`userGroup` lists).
 */
export function addedEc2Recipients(
  requestParameters: unknown,
  attribute: string,
): ShareRecipient[] {
  const out: ShareRecipient[] = [];
  const push = (item: unknown): void => {
    const recipient = recipientOfItem(item);
    if (recipient) out.push(recipient);
  };
  for (const item of listItems(getPath(requestParameters, attribute, 'add'))) push(item);
  const operation = asString(getPath(requestParameters, 'operationType'))?.toLowerCase();
  if (operation === 'add') {
    for (const key of ['userId', 'userIds']) {
      for (const item of listItems(getPath(requestParameters, key))) {
        push(typeof item === 'string' ? item : getPath(item, 'userId'));
      }
    }
    for (const key of ['userGroup', 'userGroups', 'groupNames']) {
      for (const item of listItems(getPath(requestParameters, key))) {
        push(typeof item === 'string' ? { group: item } : item);
      }
    }
  }
  return out;
}

/**
 * Recipients an RDS ModifyDBSnapshotAttribute / ModifyDBClusterSnapshotAttribute
 * call adds: only the `restore` attribute shares a snapshot, through `valuesToAdd`.
 */
export function addedRdsRestoreRecipients(requestParameters: unknown): ShareRecipient[] {
  const attribute = asString(getPath(requestParameters, 'attributeName'));
  if (attribute?.trim().toLowerCase() !== 'restore') return [];
  return listItems(getPath(requestParameters, 'valuesToAdd'))
    .map((v) => (typeof v === 'string' ? recipientOfValue(v) : undefined))
    .filter((r): r is ShareRecipient => r !== undefined);
}

/** How bad the widest share in a call is, and to whom, in words. */
export interface ShareVerdict {
  readonly severity: Severity;
  readonly recipient: string;
}

function judgeOne(
  recipient: ShareRecipient,
  own: string,
  settings: DetectorSettings,
  alsoTrusted: ReadonlySet<string>,
): ShareVerdict | undefined {
  switch (recipient.kind) {
    case 'public':
      return { severity: 'critical', recipient: 'every AWS account (public)' };
    case 'account':
      if (isTrustedAccount(recipient.account, own, settings)) return undefined;
      if (alsoTrusted.has(recipient.account)) return undefined;
      return { severity: 'high', recipient: `account ${recipient.account}` };
    case 'organization': {
      const { orgId, managementAccount } = recipient;
      if (orgId && settings.trustedOrganizationIds.includes(orgId)) return undefined;
      if (managementAccount && isTrustedAccount(managementAccount, own, settings)) return undefined;
      // Without a list of our organisations we cannot tell ours from a stranger's.
      const severity = settings.trustedOrganizationIds.length > 0 ? 'high' : 'medium';
      return { severity, recipient: `organization ${orgId ?? recipient.arn}` };
    }
    case 'unknown':
      return { severity: 'high', recipient: `unrecognised grantee ${recipient.value}` };
  }
}

/**
 * The worst share among `recipients`: public is critical, an account or
 * organisation outside the trusted ones is high (medium for an organisation
 * when no organisation ids are configured). Undefined when every recipient is
 * the owner's own account, a trusted account or organisation, or in `alsoTrusted`.
 */
export function judgeShare(
  recipients: readonly ShareRecipient[],
  ownAccount: string,
  settings: DetectorSettings,
  alsoTrusted: ReadonlySet<string> = new Set(),
): ShareVerdict | undefined {
  let worst: ShareVerdict | undefined;
  for (const recipient of recipients) {
    const verdict = judgeOne(recipient, ownAccount, settings, alsoTrusted);
    if (verdict && (!worst || SEVERITY_RANK[verdict.severity] > SEVERITY_RANK[worst.severity]))
      worst = verdict;
  }
  return worst;
}
