import { cloudTrailEvent, failed, identities, OTHER_ACCOUNT } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** A Macie (macie2) call; the member id travels in the request path and is logged as `id`. */
export const macieCall = (
  eventName: string,
  requestParameters: Record<string, unknown>,
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'macie2.amazonaws.com',
    eventName,
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters,
    responseElements: null,
    ...overrides,
  });

const deleteMember = macieCall('DeleteMember', { id: OTHER_ACCOUNT });

export const examples: DetectorExamples = {
  fire: [
    { name: 'the administrator deletes a member', events: [deleteMember] },
    {
      name: 'the administrator disassociates a member',
      events: [macieCall('DisassociateMember', { id: OTHER_ACCOUNT })],
    },
    {
      name: 'a member declines the invitation',
      events: [
        macieCall(
          'DeclineInvitations',
          { accountIds: [OTHER_ACCOUNT] },
          {
            responseElements: { unprocessedAccounts: [] },
          },
        ),
      ],
    },
    {
      name: 'a denied deletion (an attempt)',
      events: [failed(deleteMember, 'AccessDeniedException')],
    },
  ],
  noFire: [
    {
      name: 'a member is added',
      events: [
        macieCall('CreateMember', {
          account: { accountId: OTHER_ACCOUNT, email: 'sec@example.com' },
        }),
      ],
    },
    {
      name: 'the member does not exist',
      events: [failed(deleteMember, 'ResourceNotFoundException')],
    },
  ],
};
