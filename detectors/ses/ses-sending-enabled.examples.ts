import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const ses = (eventName: string, requestParameters: Record<string, unknown>) =>
  cloudTrailEvent({
    eventSource: 'ses.amazonaws.com',
    eventName,
    userIdentity: identities.iamUser('smtp-relay'),
    requestParameters,
    responseElements: null,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'sending re-enabled (SES v1)',
      events: [ses('UpdateAccountSendingEnabled', { enabled: true })],
    },
    {
      name: 'sending re-enabled (SES v2)',
      events: [ses('PutAccountSendingAttributes', { sendingEnabled: true })],
    },
    {
      name: 'production access requested',
      events: [
        ses('PutAccountDetails', {
          mailType: 'MARKETING',
          websiteURL: 'https://example.net',
          contactLanguage: 'EN',
          useCaseDescription: 'Newsletters for our customers',
          productionAccessEnabled: true,
        }),
      ],
    },
  ],
  noFire: [
    { name: 'sending paused', events: [ses('UpdateAccountSendingEnabled', { enabled: false })] },
    {
      name: 'account details without production access',
      events: [
        ses('PutAccountDetails', { mailType: 'TRANSACTIONAL', websiteURL: 'https://example.net' }),
      ],
    },
    {
      name: 'refused',
      events: [failed(ses('UpdateAccountSendingEnabled', { enabled: true }), 'AccessDenied')],
    },
  ],
};
