import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const REQUEST = {
  instanceArn: 'arn:aws:sso:::instance/ssoins-1111111111111111',
  targetId: '444455556666',
  targetType: 'AWS_ACCOUNT',
  permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-2222222222222222',
  principalType: 'USER',
  principalId: '906722b0-4061-7062-4a8b-0e6f5EXAMPLE',
};

/** CreateAccountAssignment with the asynchronous creation status Identity Center returns. */
export const createAssignment = (overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'sso.amazonaws.com',
    eventName: 'CreateAccountAssignment',
    userIdentity: identities.ssoUser('mallory@example.com'),
    requestParameters: REQUEST,
    responseElements: {
      accountAssignmentCreationStatus: {
        status: 'IN_PROGRESS',
        requestId: 'c2e1b1a2-3f4e-4d5c-8b9a-EXAMPLE',
        targetId: REQUEST.targetId,
        targetType: REQUEST.targetType,
        permissionSetArn: REQUEST.permissionSetArn,
        principalType: REQUEST.principalType,
        principalId: REQUEST.principalId,
      },
    },
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'a user given a permission set in another account', events: [createAssignment()] },
    { name: 'refused attempt', events: [failed(createAssignment(), 'AccessDeniedException')] },
  ],
  noFire: [
    {
      name: 'assignment removed',
      events: [createAssignment({ eventName: 'DeleteAccountAssignment' })],
    },
    {
      name: 'permission set does not exist',
      events: [failed(createAssignment(), 'ResourceNotFoundException')],
    },
  ],
};
