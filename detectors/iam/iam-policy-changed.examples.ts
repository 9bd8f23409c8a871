import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** AttachRolePolicy of ReadOnlyAccess to ci-deployer. */
export const attachRolePolicy = (overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'iam.amazonaws.com',
    eventName: 'AttachRolePolicy',
    requestParameters: {
      roleName: 'ci-deployer',
      policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    },
    ...overrides,
  });

/** PutUserPolicy of an inline policy on bob by an IAM Identity Center user. */
export const inlineUserPolicyBySso = () =>
  attachRolePolicy({
    eventName: 'PutUserPolicy',
    userIdentity: identities.ssoUser(),
    requestParameters: {
      userName: 'bob',
      policyName: 's3-reports',
      policyDocument:
        '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}}',
    },
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'managed policy attached to a role', events: [attachRolePolicy()] },
    {
      name: 'inline policy written to a user by an SSO session',
      events: [inlineUserPolicyBySso()],
    },
  ],
  noFire: [
    { name: 'denied attach', events: [failed(attachRolePolicy())] },
    {
      name: 'role trust policy updated (outside the CIS 5.4 set)',
      events: [attachRolePolicy({ eventName: 'UpdateAssumeRolePolicy' })],
    },
    {
      name: 'Organizations SCP created under the same event name',
      events: [
        attachRolePolicy({
          eventSource: 'organizations.amazonaws.com',
          eventName: 'CreatePolicy',
          requestParameters: { name: 'deny-leave', type: 'SERVICE_CONTROL_POLICY' },
        }),
      ],
    },
  ],
};
