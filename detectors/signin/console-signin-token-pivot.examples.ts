import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

/** GetSigninToken as the federation endpoint logs it: no request, outcome under its name. */
const signinToken = (userAgent: string) =>
  cloudTrailEvent({
    eventSource: 'signin.amazonaws.com',
    eventName: 'GetSigninToken',
    eventType: 'AwsConsoleSignIn',
    userIdentity: identities.assumedRole('Developer', 'aws_consoler'),
    sourceIPAddress: '198.51.100.23',
    userAgent,
    requestParameters: null,
    responseElements: { GetSigninToken: 'Success' },
    additionalEventData: { MobileVersion: 'No' },
  });

const fromScript = signinToken('python-requests/2.31.0');

export const examples: DetectorExamples = {
  fire: [
    { name: 'role credentials turned into a console session by a script', events: [fromScript] },
    {
      name: 'federated user (GetFederationToken) opens the console',
      events: [{ ...fromScript, userIdentity: identities.federatedUser() }],
    },
  ],
  noFire: [
    {
      name: 'IAM Identity Center portal opening the console',
      events: [
        {
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the portal's literal user agent
          ...signinToken('Jersey/${project.version} (HttpUrlConnection 17.0.12)'),
          userIdentity: identities.ssoUser(),
        },
      ],
    },
    {
      name: 'failed token request',
      events: [{ ...fromScript, responseElements: { GetSigninToken: 'Failure' } }],
    },
    { name: 'token request with an error code', events: [failed(fromScript)] },
    {
      name: 'same name from another source',
      events: [{ ...fromScript, eventSource: 'sts.amazonaws.com' }],
    },
  ],
};
