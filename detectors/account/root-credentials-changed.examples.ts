import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

/** Root creating a key for itself: IAM logs no request parameters at all. */
const rootAccessKey = cloudTrailEvent({
  eventSource: 'iam.amazonaws.com',
  eventName: 'CreateAccessKey',
  userIdentity: identities.root(),
  requestParameters: null,
  responseElements: {
    accessKey: {
      accessKeyId: 'AKIAI44QH8DHBEXAMPLE',
      status: 'Active',
      createDate: 'Nov 20, 2026 10:00:00 AM',
    },
  },
});

/** Sign-in events carry their outcome under their own name and no request. */
const signinEvent = (eventName: string, outcome = 'Success') =>
  cloudTrailEvent({
    eventSource: 'signin.amazonaws.com',
    eventName,
    eventType: 'AwsConsoleSignIn',
    userIdentity: identities.root(),
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0',
    requestParameters: null,
    responseElements: { [eventName]: outcome },
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'root creates an access key for itself', events: [rootAccessKey] },
    { name: 'root password changed in the console', events: [signinEvent('PasswordUpdated')] },
    { name: 'root password reset completed', events: [signinEvent('PasswordRecoveryCompleted')] },
    {
      name: 'root uploads a signing certificate for itself',
      events: [
        cloudTrailEvent({
          eventSource: 'iam.amazonaws.com',
          eventName: 'UploadSigningCertificate',
          userIdentity: identities.root(),
          requestParameters: { certificateBody: '-----BEGIN CERTIFICATE-----...' },
        }),
      ],
    },
  ],
  noFire: [
    {
      name: 'root creates an access key for an IAM user (another detector reports root use)',
      events: [{ ...rootAccessKey, requestParameters: { userName: 'deploy' } }],
    },
    {
      name: 'an IAM user creates an access key for itself',
      events: [{ ...rootAccessKey, userIdentity: identities.iamUser('alice') }],
    },
    { name: 'failed root access key creation', events: [failed(rootAccessKey)] },
    {
      name: 'failed root password change',
      events: [signinEvent('PasswordUpdated', 'Failure')],
    },
    { name: 'root console sign-in is not a credential change', events: [signinEvent('CheckMfa')] },
  ],
};
