import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** AddRoleToInstanceProfile: the profile and the role in, nothing out. */
export const addRoleToProfile = (roleName: string, overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'iam.amazonaws.com',
    eventName: 'AddRoleToInstanceProfile',
    userIdentity: identities.assumedRole('ops', 'mallory'),
    requestParameters: { instanceProfileName: 'web-server', roleName },
    responseElements: null,
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'app role put into a profile', events: [addRoleToProfile('web-server-role')] },
    {
      name: 'an admin role put into a profile (high)',
      events: [addRoleToProfile('PlatformAdmin')],
    },
    { name: 'refused attempt', events: [failed(addRoleToProfile('PlatformAdmin'))] },
  ],
  noFire: [
    {
      name: 'CloudFormation building a stack’s instance profile',
      events: [
        addRoleToProfile('web-server-role', {
          userIdentity: {
            ...identities.assumedRole('cfn-exec', 'cfn'),
            invokedBy: 'cloudformation.amazonaws.com',
          },
        }),
      ],
    },
    {
      name: 'profile already holds a role',
      events: [
        failed(
          addRoleToProfile('web-server-role'),
          'LimitExceeded',
          'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1',
        ),
      ],
    },
    {
      name: 'role taken out of the profile',
      events: [addRoleToProfile('web-server-role', { eventName: 'RemoveRoleFromInstanceProfile' })],
    },
  ],
};
