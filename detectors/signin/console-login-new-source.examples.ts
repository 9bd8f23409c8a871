import { cloudTrailEvent, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const login = cloudTrailEvent({
  eventSource: 'signin.amazonaws.com',
  eventName: 'ConsoleLogin',
  eventType: 'AwsConsoleSignIn',
  userIdentity: identities.iamUser('anaya'),
  sourceIPAddress: '192.0.2.44',
  userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:131.0) Gecko/20100101 Firefox/131.0',
  requestParameters: null,
  responseElements: { ConsoleLogin: 'Success' },
  additionalEventData: {
    LoginTo: 'https://console.aws.amazon.com/console/home',
    MobileVersion: 'No',
    MFAUsed: 'Yes',
  },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'IAM user signs in (first-seen state decides if the network is new)', events: [login] },
    {
      name: 'IAM Identity Center user signs in over IPv6',
      events: [
        { ...login, userIdentity: identities.ssoUser(), sourceIPAddress: '2001:db8:4a1f:7::1' },
      ],
    },
  ],
  noFire: [
    {
      name: 'failed sign-in',
      events: [
        {
          ...login,
          errorMessage: 'Failed authentication',
          responseElements: { ConsoleLogin: 'Failure' },
        },
      ],
    },
    {
      name: 'MFA check step is not a completed sign-in',
      events: [{ ...login, eventName: 'CheckMfa', responseElements: { CheckMfa: 'Success' } }],
    },
  ],
};
