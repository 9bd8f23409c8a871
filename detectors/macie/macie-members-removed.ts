import { baseEventName } from '../helpers/event-name.js';
import { getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField, stringList } from '../helpers/request-values.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector } from '../types.js';

const WORDS: ReadonlyMap<string, string> = new Map([
  ['DeleteMember', 'deleted Macie member account'],
  ['DisassociateMember', 'disassociated Macie member account'],
  ['DeclineInvitations', 'declined Macie administrator invitations from'],
  ['DeleteInvitations', 'deleted Macie administrator invitations from'],
]);

/** Accounts taken out of central Macie: members removed by the administrator, or invitations refused. */
export const macieMembersRemoved: Detector = {
  id: 'macie-members-removed',
  title: 'Macie member accounts removed or invitations declined',
  severity: 'medium',
  description:
    'The Macie administrator deleted or disassociated a member account (DeleteMember, ' +
    'DisassociateMember), or a member account declined or deleted the invitation to join ' +
    "(DeclineInvitations, DeleteInvitations). The account's buckets drop out of central " +
    'sensitive-data discovery and bucket-exposure findings. Leaving an administrator and ' +
    'disabling Macie are reported by macie-disabled. Calls through service-linked roles are ' +
    'ignored. Denied attempts are reported one level lower. Benign causes: account ' +
    'offboarding, moving administration to AWS Organizations, stale invitations.',
  attack: ['T1562.001'],
  references: [
    'https://docs.aws.amazon.com/macie/latest/APIReference/members-id.html',
    'https://docs.aws.amazon.com/macie/latest/user/accounts-mgmt-invitations.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'macie2.amazonaws.com', eventNames: [...WORDS.keys()] }],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const words = WORDS.get(baseEventName(event.eventName));
    if (!words) return undefined;
    const member = requestField(event, 'id');
    const invitedBy = stringList(getPath(event.requestParameters, 'accountIds'));
    const accounts = (member ? [member, ...invitedBy] : invitedBy).slice(0, 10);
    const whom = accounts.length > 0 ? accounts.join(', ') : 'unknown accounts';
    return {
      summary: `${principalOf(event)} ${words} ${whom}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|MacieMembers`,
      resources: accounts.length > 0 ? accounts : [`Macie in ${accountOf(event)}`],
    };
  },
};
