import { cloudTrailEvent, failed, identities, OTHER_ACCOUNT } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

/** Account Management hides the contact details themselves. */
const securityContact = cloudTrailEvent({
  eventSource: 'account.amazonaws.com',
  eventName: 'PutAlternateContact',
  userIdentity: identities.assumedRole('Admin', 'mallory'),
  requestParameters: {
    alternateContactType: 'SECURITY',
    emailAddress: 'HIDDEN_DUE_TO_SECURITY_REASONS',
    name: 'HIDDEN_DUE_TO_SECURITY_REASONS',
    phoneNumber: 'HIDDEN_DUE_TO_SECURITY_REASONS',
    title: 'HIDDEN_DUE_TO_SECURITY_REASONS',
  },
  responseElements: null,
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'security contact replaced', events: [securityContact] },
    {
      name: 'root email change completed for a member account',
      events: [
        {
          ...securityContact,
          eventName: 'AcceptPrimaryEmailUpdate',
          requestParameters: {
            accountId: OTHER_ACCOUNT,
            otp: 'HIDDEN_DUE_TO_SECURITY_REASONS',
            primaryEmail: 'HIDDEN_DUE_TO_SECURITY_REASONS',
          },
          responseElements: { status: 'ACCEPTED' },
        },
      ],
    },
    {
      name: 'billing contact deleted',
      events: [
        {
          ...securityContact,
          eventName: 'DeleteAlternateContact',
          requestParameters: { alternateContactType: 'BILLING' },
        },
      ],
    },
  ],
  noFire: [
    { name: 'failed change', events: [failed(securityContact)] },
    {
      name: 'contact read, not changed',
      events: [
        {
          ...securityContact,
          eventName: 'GetAlternateContact',
          readOnly: true,
          requestParameters: { alternateContactType: 'SECURITY' },
        },
      ],
    },
  ],
};
