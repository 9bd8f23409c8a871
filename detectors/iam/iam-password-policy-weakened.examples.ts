import { cloudTrailEvent, failed } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const update = (requestParameters: Record<string, unknown>) =>
  cloudTrailEvent({
    eventSource: 'iam.amazonaws.com',
    eventName: 'UpdateAccountPasswordPolicy',
    requestParameters,
  });

const withoutReusePrevention = {
  minimumPasswordLength: 14,
  requireSymbols: true,
  requireNumbers: true,
  requireUppercaseCharacters: true,
  requireLowercaseCharacters: true,
  allowUsersToChangePassword: true,
};

const cisBaseline = { ...withoutReusePrevention, passwordReusePrevention: 24 };

const deletePolicy = cloudTrailEvent({
  eventSource: 'iam.amazonaws.com',
  eventName: 'DeleteAccountPasswordPolicy',
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'password policy deleted', events: [deletePolicy] },
    {
      name: 'minimum length lowered to 6',
      events: [update({ ...cisBaseline, minimumPasswordLength: 6 })],
    },
    {
      name: 'reuse prevention left out (reverts to off)',
      events: [update(withoutReusePrevention)],
    },
  ],
  noFire: [
    { name: 'policy set to the CIS baseline', events: [update(cisBaseline)] },
    {
      name: 'stronger than baseline with a 90-day expiry',
      events: [update({ ...cisBaseline, minimumPasswordLength: 20, maxPasswordAge: 90 })],
    },
    { name: 'failed deletion', events: [failed(deletePolicy)] },
  ],
};
