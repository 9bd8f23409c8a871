import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** EnableMFADevice: the user and the device's serial (a virtual device's ARN); the codes are not logged. */
export const enableMfa = (userName: string, overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'iam.amazonaws.com',
    eventName: 'EnableMFADevice',
    requestParameters: {
      userName,
      serialNumber: `arn:aws:iam::111122223333:mfa/${userName}-phone`,
    },
    responseElements: null,
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'alice binds her device to bob', events: [enableMfa('bob')] },
    {
      name: 'a role binds a device to an IAM user',
      events: [enableMfa('alice', { userIdentity: identities.assumedRole('Admin', 'mallory') })],
    },
    {
      name: 'the user name spelled in another case is still bob',
      events: [enableMfa('BOB', { userIdentity: identities.iamUser('mallory') })],
    },
    { name: 'refused attempt', events: [failed(enableMfa('bob'))] },
  ],
  noFire: [
    { name: 'alice enables her own device', events: [enableMfa('alice')] },
    { name: 'Alice, differently cased, is still alice', events: [enableMfa('Alice')] },
    {
      name: 'wrong codes',
      events: [
        failed(
          enableMfa('bob'),
          'InvalidAuthenticationCode',
          'Authentication code for device is not valid.',
        ),
      ],
    },
  ],
};
