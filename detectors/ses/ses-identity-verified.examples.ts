import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const ses = (
  eventName: string,
  requestParameters: Record<string, unknown>,
  responseElements: Record<string, unknown> | null = null,
) =>
  cloudTrailEvent({
    eventSource: 'ses.amazonaws.com',
    eventName,
    userIdentity: identities.iamUser('smtp-relay'),
    requestParameters,
    responseElements,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'an outside address submitted (SES v1)',
      events: [ses('VerifyEmailIdentity', { emailAddress: 'billing-support@example.net' })],
    },
    {
      name: 'a domain identity created (SES v2)',
      events: [
        ses(
          'CreateEmailIdentity',
          { emailIdentity: 'example.net' },
          { identityType: 'DOMAIN', verifiedForSendingStatus: false },
        ),
      ],
    },
    {
      name: 'a domain submitted (SES v1)',
      events: [
        ses(
          'VerifyDomainIdentity',
          { domain: 'example.net' },
          { verificationToken: 'QTKknzFg2J4ygwa+XvHAxUl1hyHoY0gVfZdfjIedHZ0=' },
        ),
      ],
    },
  ],
  noFire: [
    { name: 'an identity deleted', events: [ses('DeleteIdentity', { identity: 'example.net' })] },
    {
      name: 'refused',
      events: [
        failed(
          ses('VerifyEmailIdentity', { emailAddress: 'billing-support@example.net' }),
          'AccessDenied',
        ),
      ],
    },
  ],
};
