import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

/** A CloudWatch Logs call with no response body. */
export const logsCall = (eventName: string, requestParameters: Record<string, unknown>) =>
  cloudTrailEvent({
    eventSource: 'logs.amazonaws.com',
    eventName,
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters,
    responseElements: null,
  });

const deleteAccountFilter = logsCall('DeleteAccountPolicy', {
  policyName: 'org-siem-forwarding',
  policyType: 'SUBSCRIPTION_FILTER_POLICY',
});

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'the account-wide subscription filter is deleted (high)',
      events: [deleteAccountFilter],
    },
    {
      name: 'the central destination is deleted',
      events: [logsCall('DeleteDestination', { destinationName: 'central-siem' })],
    },
    {
      name: 'a vended log delivery is deleted',
      events: [logsCall('DeleteDelivery', { id: 'yhy9ZmjsDIdGdb3R' })],
    },
    {
      name: 'a denied deletion (an attempt)',
      events: [failed(deleteAccountFilter, 'AccessDeniedException')],
    },
  ],
  noFire: [
    {
      name: 'a data protection policy is deleted',
      events: [
        logsCall('DeleteAccountPolicy', {
          policyName: 'mask-pii',
          policyType: 'DATA_PROTECTION_POLICY',
        }),
      ],
    },
    {
      name: 'the policy does not exist',
      events: [failed(deleteAccountFilter, 'ResourceNotFoundException')],
    },
  ],
};
