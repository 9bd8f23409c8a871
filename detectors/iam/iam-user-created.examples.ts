import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** CreateUser of support-helper, with the user IAM returns. */
export const createUser = (overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'iam.amazonaws.com',
    eventName: 'CreateUser',
    requestParameters: { userName: 'support-helper', tags: [] },
    responseElements: {
      user: {
        path: '/',
        userName: 'support-helper',
        userId: 'AIDAEXAMPLENEWUSER',
        arn: 'arn:aws:iam::111122223333:user/support-helper',
        createDate: 'Nov 20, 2026 10:00:00 AM',
      },
    },
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'IAM user creates another user', events: [createUser()] },
    {
      name: 'assumed role creates a user',
      events: [createUser({ userIdentity: identities.assumedRole('Admin', 'mallory') })],
    },
  ],
  noFire: [
    { name: 'user already exists', events: [failed(createUser(), 'EntityAlreadyExists')] },
    {
      name: 'WorkMail CreateUser',
      events: [
        createUser({
          eventSource: 'workmail.amazonaws.com',
          requestParameters: { organizationId: 'm-0123456789abcdef', name: 'jane' },
          responseElements: { userId: 'S-1-1-11-1111111111-2222222222-3333333333-3333' },
        }),
      ],
    },
  ],
};
