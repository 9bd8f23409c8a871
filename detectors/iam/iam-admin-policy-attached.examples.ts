import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** ARN of the AWS managed AdministratorAccess policy. */
export const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';

/** AttachUserPolicy of ADMIN to bob. */
export const attach = (overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'iam.amazonaws.com',
    eventName: 'AttachUserPolicy',
    requestParameters: { userName: 'bob', policyArn: ADMIN },
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'AdministratorAccess attached to user bob', events: [attach()] },
    {
      name: 'AdministratorAccess attached to a Lambda role by a CI role',
      events: [
        attach({
          eventName: 'AttachRolePolicy',
          userIdentity: identities.assumedRole('ci-deployer', 'build-8814'),
          requestParameters: { roleName: 'lambda-exec', policyArn: ADMIN },
        }),
      ],
    },
  ],
  noFire: [
    {
      name: 'ReadOnlyAccess attached',
      events: [
        attach({
          requestParameters: {
            userName: 'bob',
            policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
          },
        }),
      ],
    },
    {
      name: 'scoped AdministratorAccess-Amplify attached',
      events: [
        attach({
          requestParameters: {
            userName: 'bob',
            policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess-Amplify',
          },
        }),
      ],
    },
    { name: 'AdministratorAccess detached', events: [attach({ eventName: 'DetachUserPolicy' })] },
    { name: 'denied attach', events: [failed(attach())] },
  ],
};
