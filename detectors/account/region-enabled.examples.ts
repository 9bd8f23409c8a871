import { cloudTrailEvent, failed, identities, OTHER_ACCOUNT } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const enableRegion = cloudTrailEvent({
  eventSource: 'account.amazonaws.com',
  eventName: 'EnableRegion',
  userIdentity: identities.assumedRole('Admin', 'mallory'),
  requestParameters: { regionName: 'af-south-1' },
  responseElements: null,
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'opt-in region enabled for the own account', events: [enableRegion] },
    {
      name: 'management account enables a region for a member account',
      events: [
        {
          ...enableRegion,
          requestParameters: { regionName: 'me-central-1', accountId: OTHER_ACCOUNT },
        },
      ],
    },
  ],
  noFire: [
    { name: 'failed EnableRegion', events: [failed(enableRegion)] },
    { name: 'region disabled', events: [{ ...enableRegion, eventName: 'DisableRegion' }] },
    {
      name: 'same name from another source',
      events: [{ ...enableRegion, eventSource: 'ec2.amazonaws.com' }],
    },
  ],
};
