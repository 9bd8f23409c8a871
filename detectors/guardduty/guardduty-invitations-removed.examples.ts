import { failed, OTHER_ACCOUNT } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';
import { guarddutyCall } from './guardduty-findings-archived.examples.js';

/** Invitation calls name no detector: only the inviting accounts. */
const invitations = (eventName: string) => ({
  ...guarddutyCall(eventName, {}),
  requestParameters: { accountIds: [OTHER_ACCOUNT] },
  responseElements: { unprocessedAccounts: [] },
});

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'the administrator invitation is declined',
      events: [invitations('DeclineInvitations')],
    },
    { name: 'the invitation is deleted', events: [invitations('DeleteInvitations')] },
    {
      name: 'a denied decline (an attempt)',
      events: [failed(invitations('DeclineInvitations'), 'AccessDeniedException')],
    },
  ],
  noFire: [
    {
      name: 'the invitation is accepted',
      events: [
        guarddutyCall('AcceptAdministratorInvitation', {
          administratorId: OTHER_ACCOUNT,
          invitationId: '84b097800250d17d1872b34c4daadcf5',
        }),
      ],
    },
    {
      name: 'malformed account id',
      events: [failed(invitations('DeleteInvitations'), 'BadRequestException')],
    },
  ],
};
