import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const deactivate = cloudTrailEvent({
  eventSource: 'iam.amazonaws.com',
  eventName: 'DeactivateMFADevice',
  requestParameters: { userName: 'bob', serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/bob-phone` },
});

export const examples: DetectorExamples = {
  fire: [
    { name: "an administrator deactivates another user's MFA", events: [deactivate] },
    {
      name: "root deletes root's virtual MFA device",
      events: [
        cloudTrailEvent({
          eventSource: 'iam.amazonaws.com',
          eventName: 'DeleteVirtualMFADevice',
          userIdentity: identities.root(),
          requestParameters: {
            serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/root-account-mfa-device`,
          },
        }),
      ],
    },
  ],
  noFire: [
    { name: 'failed deactivation', events: [failed(deactivate)] },
    {
      name: 'MFA device enabled (the opposite change)',
      events: [
        cloudTrailEvent({
          eventSource: 'iam.amazonaws.com',
          eventName: 'EnableMFADevice',
          requestParameters: {
            userName: 'bob',
            serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/bob-phone`,
          },
        }),
      ],
    },
  ],
};
