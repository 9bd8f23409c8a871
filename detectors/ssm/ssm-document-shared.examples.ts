import { cloudTrailEvent, failed, identities, OTHER_ACCOUNT } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

/** ModifyDocumentPermission as SSM logs it; the response is empty. */
const share = (accountIdsToAdd: unknown, extra: Record<string, unknown> = {}) =>
  cloudTrailEvent({
    eventSource: 'ssm.amazonaws.com',
    eventName: 'ModifyDocumentPermission',
    userIdentity: identities.assumedRole('Ops', 'mallory'),
    requestParameters: {
      name: 'db-maintenance',
      permissionType: 'Share',
      accountIdsToAdd,
      ...extra,
    },
    responseElements: null,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'made public', events: [share(['All'])] },
    { name: 'public, spelled in lower case', events: [share('all')] },
    { name: 'shared with an unknown account', events: [share([OTHER_ACCOUNT])] },
  ],
  noFire: [
    {
      name: 'shared with a trusted organisation account',
      events: [share([OTHER_ACCOUNT])],
      settings: { trustedAccounts: [OTHER_ACCOUNT] },
    },
    { name: 'sharing withdrawn', events: [share([], { accountIdsToRemove: ['All'] })] },
    { name: 'refused', events: [failed(share(['All']), 'AccessDeniedException')] },
  ],
};
