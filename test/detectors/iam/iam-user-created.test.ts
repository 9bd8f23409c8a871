import { describe, expect, it } from 'vitest';
import { createUser } from '../../../detectors/iam/iam-user-created.examples.js';
import { iamUserCreated } from '../../../detectors/iam/iam-user-created.js';
import { detect } from '../../helpers/detect.js';
import { failed, identities } from '../../helpers/events.js';

describe('Detector: iam-user-created', () => {
  it('fires when an IAM user creates a user and reports its ARN', () => {
    // Act
    const [finding, ...rest] = detect(iamUserCreated, createUser());

    // Assess
    expect(rest).toEqual([]);
    expect(finding?.severity).toBe('medium');
    expect(finding?.summary).toBe(
      'arn:aws:iam::111122223333:user/alice created IAM user support-helper',
    );
    expect(finding?.resources).toEqual(['arn:aws:iam::111122223333:user/support-helper']);
  });

  it('fires for an assumed role and falls back to the name without a response', () => {
    const event = createUser({
      userIdentity: identities.assumedRole('Admin', 'mallory'),
      responseElements: null,
    });

    expect(detect(iamUserCreated, event)[0]?.resources).toEqual(['support-helper']);
  });

  it('ignores a failed call', () => {
    expect(detect(iamUserCreated, failed(createUser(), 'EntityAlreadyExists'))).toEqual([]);
  });

  it('ignores CreateUser from other services', () => {
    const workmail = createUser({
      eventSource: 'workmail.amazonaws.com',
      requestParameters: { organizationId: 'm-0123456789abcdef', name: 'jane' },
    });

    expect(detect(iamUserCreated, workmail)).toEqual([]);
  });
});
