import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const INSTANCE = 'arn:aws:sso:::instance/ssoins-1111111111111111';
const PERMISSION_SET = 'arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-2222222222222222';

/** A permission-set call of the public Identity Center API: the instance and permission set in, nothing out. */
export const permissionSetCall = (
  eventName: string,
  extra: Record<string, unknown>,
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'sso.amazonaws.com',
    eventName,
    userIdentity: identities.assumedRole('OrganizationAccountAccessRole', 'mallory'),
    requestParameters: { instanceArn: INSTANCE, permissionSetArn: PERMISSION_SET, ...extra },
    responseElements: null,
    ...overrides,
  });

const attachAdmin = permissionSetCall('AttachManagedPolicyToPermissionSet', {
  managedPolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'AdministratorAccess attached to a permission set', events: [attachAdmin] },
    {
      name: 'allow-everything inline policy, actions as a list',
      events: [
        permissionSetCall('PutInlinePolicyToPermissionSet', {
          inlinePolicy: JSON.stringify({
            Version: '2012-10-17',
            Statement: { Effect: 'Allow', Action: ['s3:GetObject', '*'], Resource: '*' },
          }),
        }),
      ],
    },
    { name: 'refused attempt', events: [failed(attachAdmin, 'AccessDeniedException')] },
  ],
  noFire: [
    {
      name: 'a read-only managed policy',
      events: [
        permissionSetCall('AttachManagedPolicyToPermissionSet', {
          managedPolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
        }),
      ],
    },
    {
      name: 'a customer policy merely named AdministratorAccess',
      events: [
        permissionSetCall('AttachManagedPolicyToPermissionSet', {
          managedPolicyArn: 'arn:aws:iam::111122223333:policy/AdministratorAccess',
        }),
      ],
    },
    { name: 'already attached', events: [failed(attachAdmin, 'ConflictException')] },
  ],
};
