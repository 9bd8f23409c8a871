import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** PutRolePermissionsBoundary: the role and the boundary policy ARN in, nothing out. */
export const putBoundary = (
  permissionsBoundary: string,
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'iam.amazonaws.com',
    eventName: 'PutRolePermissionsBoundary',
    userIdentity: identities.assumedRole('delegated-admin', 'mallory'),
    requestParameters: { roleName: 'app-deployer', permissionsBoundary },
    responseElements: null,
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'boundary replaced by AdministratorAccess (high)',
      events: [putBoundary('arn:aws:iam::aws:policy/AdministratorAccess')],
    },
    {
      name: 'user boundary set to a customer policy',
      events: [
        putBoundary('arn:aws:iam::111122223333:policy/developer-boundary', {
          eventName: 'PutUserPermissionsBoundary',
          requestParameters: {
            userName: 'bob',
            permissionsBoundary: 'arn:aws:iam::111122223333:policy/developer-boundary',
          },
        }),
      ],
    },
    {
      name: 'refused attempt',
      events: [failed(putBoundary('arn:aws:iam::aws:policy/PowerUserAccess'))],
    },
  ],
  noFire: [
    {
      name: 'policy not attachable as a boundary',
      events: [
        failed(putBoundary('arn:aws:iam::aws:policy/AdministratorAccess'), 'PolicyNotAttachable'),
      ],
    },
    {
      name: 'boundary removed (iam-permissions-boundary-removed judges it)',
      events: [
        putBoundary('', {
          eventName: 'DeleteRolePermissionsBoundary',
          requestParameters: { roleName: 'app-deployer' },
        }),
      ],
    },
  ],
};
