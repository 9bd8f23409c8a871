import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const SECRET = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/db/master-Ab12Cd`;

/** CancelRotateSecret: the secret id in, its ARN and name back. */
export const cancelRotation = (overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'secretsmanager.amazonaws.com',
    eventName: 'CancelRotateSecret',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: { secretId: 'prod/db/master' },
    responseElements: { aRN: SECRET, name: 'prod/db/master' },
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'rotation of the database master secret cancelled', events: [cancelRotation()] },
    { name: 'refused attempt', events: [failed(cancelRotation(), 'AccessDeniedException')] },
  ],
  noFire: [
    {
      name: 'no such secret',
      events: [failed(cancelRotation(), 'ResourceNotFoundException')],
    },
    {
      name: 'rotation started instead',
      events: [cancelRotation({ eventName: 'RotateSecret' })],
    },
  ],
};
