import { baseEventName } from '../helpers/event-name.js';
import { getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { stringList } from '../helpers/request-values.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector } from '../types.js';

/** A member account refused or deleted the invitations that put it under central GuardDuty. */
export const guarddutyInvitationsRemoved: Detector = {
  id: 'guardduty-invitations-removed',
  title: 'GuardDuty administrator invitations declined or deleted',
  severity: 'medium',
  description:
    'DeclineInvitations or DeleteInvitations succeeded in a member account: the invitation ' +
    'from the GuardDuty administrator is refused or thrown away, so the account stays out ' +
    'of central threat detection and its findings never reach the security team. Leaving ' +
    'an administrator after joining is reported by guardduty-disabled. Calls through ' +
    'service-linked roles are ignored. Denied attempts are reported one level lower. ' +
    'Benign causes: stale invitations from a former administrator, accounts enrolled ' +
    'through AWS Organizations instead of invitations.',
  attack: ['T1562.001'],
  references: [
    'https://docs.aws.amazon.com/guardduty/latest/APIReference/API_DeclineInvitations.html',
    'https://docs.aws.amazon.com/guardduty/latest/APIReference/API_DeleteInvitations.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    {
      eventSource: 'guardduty.amazonaws.com',
      eventNames: ['DeclineInvitations', 'DeleteInvitations'],
    },
  ],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const from = stringList(getPath(event.requestParameters, 'accountIds'));
    const verb = baseEventName(event.eventName) === 'DeclineInvitations' ? 'declined' : 'deleted';
    const whom = from.length > 0 ? ` from ${from.slice(0, 10).join(', ')}` : '';
    return {
      summary: `${principalOf(event)} ${verb} GuardDuty administrator invitations${whom}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|GuardDutyInvitations`,
      resources: from.length > 0 ? from.slice(0, 10) : [`GuardDuty in ${accountOf(event)}`],
    };
  },
};
