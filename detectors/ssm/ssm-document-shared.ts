import { asArray, asString, getPath } from '../helpers/fields.js';
import { requestString } from '../helpers/iam-target.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { isTrustedAccount } from '../helpers/resource-principal.js';
import type { Detector } from '../types.js';

/** SSM accepts up to 1000 accounts per call; more is not a real request. */
const MAX_ACCOUNTS = 1000;

/** An SSM document was made public or shared with an account outside the organisation. */
export const ssmDocumentShared: Detector = {
  id: 'ssm-document-shared',
  title: 'SSM document made public or shared outside',
  severity: 'high',
  description:
    'ModifyDocumentPermission (permission type Share) added "All" (public, high) or accounts ' +
    'that are neither this account nor in trustedAccounts (medium) to who may use a Systems ' +
    'Manager document. Custom documents often embed scripts, internal host names and ' +
    'credentials; a public one also lets anyone run it, and attackers share a tampered document ' +
    'to plant it in other accounts. Removing accounts does not alert. Benign causes: ' +
    'publishing a document to partner or organisation accounts not listed in trustedAccounts.',
  attack: ['T1537', 'T1567'],
  references: [
    'SSM.4',
    'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_ModifyDocumentPermission.html',
    'https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-ssm-sharing.html',
  ],
  runbook: 'data-exfiltration',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'ssm.amazonaws.com', eventNames: ['ModifyDocumentPermission'] }],
  match(event, ctx) {
    if (!succeeded(event)) return undefined;
    const kind = requestString(event, 'permissionType');
    if (kind && kind.trim().toLowerCase() !== 'share') return undefined;
    const added = asArray(getPath(event.requestParameters, 'accountIdsToAdd'))
      .slice(0, MAX_ACCOUNTS)
      .map(asString)
      .filter((a): a is string => a !== undefined)
      .map((a) => a.trim());
    const own = accountOf(event);
    const isPublic = added.some((a) => a.toLowerCase() === 'all');
    const outside = added.filter(
      (a) => /^\d{12}$/.test(a) && !isTrustedAccount(a, own, ctx.settings),
    );
    if (!isPublic && outside.length === 0) return undefined;
    const name = requestString(event, 'name') ?? 'an unnamed document';
    const whom = isPublic ? 'everyone (public)' : `account ${outside.slice(0, 5).join(', ')}`;
    return {
      summary: `${principalOf(event)} shared SSM document ${name} with ${whom}`,
      severity: isPublic ? 'high' : 'medium',
      dedupKey: `${own}|${principalForDedup(event)}|${name}`,
      resources: [name],
    };
  },
};
