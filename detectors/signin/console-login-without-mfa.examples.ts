import { ACCOUNT, cloudTrailEvent, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** A successful IAM user sign-in without MFA, shaped as in CloudTrail's sign-in event reference. */
export const consoleLogin = (overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    eventType: 'AwsConsoleSignIn',
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDACKCEVSQ6C2EXAMPLE',
      arn: `arn:aws:iam::${ACCOUNT}:user/anaya`,
      accountId: ACCOUNT,
      userName: 'anaya',
    },
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:102.0) Gecko/20100101 Firefox/102.0',
    requestParameters: null,
    responseElements: { ConsoleLogin: 'Success' },
    additionalEventData: {
      LoginTo: 'https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true',
      MobileVersion: 'No',
      MFAUsed: 'No',
    },
    ...overrides,
  });

/** A SAML federated sign-in through Okta, which logs MFAUsed "No" (MFA is up to the identity provider). */
export const samlLogin = () =>
  consoleLogin({
    userIdentity: identities.assumedRole('OktaDevelopers', 'dave@example.com', 'false'),
    additionalEventData: {
      LoginTo: 'https://console.aws.amazon.com/console/home',
      MobileVersion: 'No',
      MFAUsed: 'No',
      SamlProviderArn: `arn:aws:iam::${ACCOUNT}:saml-provider/Okta`,
    },
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'IAM user signs in with a password alone', events: [consoleLogin()] },
    {
      name: 'IAM user sign-in without the MFAUsed field',
      events: [consoleLogin({ additionalEventData: { MobileVersion: 'No' } })],
    },
  ],
  noFire: [
    {
      name: 'IAM user signs in with MFA',
      events: [
        consoleLogin({
          additionalEventData: { LoginTo: 'https://console.aws.amazon.com/', MFAUsed: 'Yes' },
        }),
      ],
    },
    {
      name: 'SAML federated sign-in (MFA enforced at the identity provider)',
      events: [samlLogin()],
    },
    {
      name: 'failed sign-in',
      events: [
        consoleLogin({
          errorMessage: 'Failed authentication',
          responseElements: { ConsoleLogin: 'Failure' },
        }),
      ],
    },
    {
      name: 'root sign-in (root-account-used covers it)',
      events: [consoleLogin({ userIdentity: identities.root() })],
    },
  ],
};
