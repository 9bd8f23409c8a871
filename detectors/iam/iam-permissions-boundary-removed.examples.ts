import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const removeRoleBoundary = cloudTrailEvent({
  eventSource: 'iam.amazonaws.com',
  eventName: 'DeleteRolePermissionsBoundary',
  userIdentity: identities.assumedRole('DelegatedAdmin', 'dev-lead'),
  requestParameters: { roleName: 'app-runtime' },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'boundary removed from a role', events: [removeRoleBoundary] },
    {
      name: 'boundary removed from a user',
      events: [
        cloudTrailEvent({
          eventSource: 'iam.amazonaws.com',
          eventName: 'DeleteUserPermissionsBoundary',
          requestParameters: { userName: 'contractor' },
        }),
      ],
    },
  ],
  noFire: [
    { name: 'failed removal', events: [failed(removeRoleBoundary)] },
    {
      name: 'boundary put on a role (tightening)',
      events: [
        cloudTrailEvent({
          eventSource: 'iam.amazonaws.com',
          eventName: 'PutRolePermissionsBoundary',
          requestParameters: {
            roleName: 'app-runtime',
            permissionsBoundary: 'arn:aws:iam::111122223333:policy/DeveloperBoundary',
          },
        }),
      ],
    },
  ],
};
