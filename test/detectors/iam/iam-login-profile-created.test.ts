import { describe, expect, it } from 'vitest';
import { loginProfile } from '../../../detectors/iam/iam-login-profile-created.examples.js';
import { iamLoginProfileCreated } from '../../../detectors/iam/iam-login-profile-created.js';
import { detect } from '../../helpers/detect.js';
import { failed, identities } from '../../helpers/events.js';

describe('Detector: iam-login-profile-created', () => {
  it('fires high when an assumed role gives another user a console password', () => {
    // Act
    const findings = detect(
      iamLoginProfileCreated,
      loginProfile({ userIdentity: identities.assumedRole('Admin', 'mallory') }),
    );

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.summary).toBe(
      'arn:aws:sts::111122223333:assumed-role/Admin/mallory created the console password of ' +
        'IAM user svc-reports',
    );
    expect(findings[0]?.resources).toEqual(['svc-reports']);
  });

  it("fires high when an IAM user resets another user's password", () => {
    const event = loginProfile({
      eventName: 'UpdateLoginProfile',
      requestParameters: { userName: 'bob', passwordResetRequired: false },
      responseElements: null,
    });

    const [finding] = detect(iamLoginProfileCreated, event);

    expect(finding?.severity).toBe('high');
    expect(finding?.summary).toContain('reset the console password of IAM user bob');
  });

  it.each([
    ['an SSO session', identities.ssoUser()],
    ['the root user', identities.root()],
  ])('fires high when %s names a user', (_label, userIdentity) => {
    expect(detect(iamLoginProfileCreated, loginProfile({ userIdentity }))[0]?.severity).toBe(
      'high',
    );
  });

  it('fires medium when an IAM user gives itself a console password', () => {
    for (const requestParameters of [{ userName: 'alice' }, null]) {
      const [finding] = detect(iamLoginProfileCreated, loginProfile({ requestParameters }));

      expect(finding?.severity).toBe('medium');
      expect(finding?.summary).toBe(
        'arn:aws:iam::111122223333:user/alice gave itself a console password',
      );
    }
  });

  it('ignores a user changing its own existing password', () => {
    for (const requestParameters of [{ userName: 'ALICE', passwordResetRequired: false }, null]) {
      const event = loginProfile({ eventName: 'UpdateLoginProfile', requestParameters });

      expect(detect(iamLoginProfileCreated, event)).toEqual([]);
    }
  });

  it('ignores a failed call', () => {
    expect(
      detect(iamLoginProfileCreated, failed(loginProfile(), 'PasswordPolicyViolation')),
    ).toEqual([]);
  });

  it('ignores ChangePassword, the ordinary self-service password change', () => {
    const event = loginProfile({ eventName: 'ChangePassword', requestParameters: null });

    expect(detect(iamLoginProfileCreated, event)).toEqual([]);
  });

  it('reports a refused attempt on another user one level lower', () => {
    const event = failed(
      loginProfile({ userIdentity: identities.assumedRole('ReadOnly', 'mallory') }),
    );

    const [attempt] = detect(iamLoginProfileCreated, event);

    expect(attempt?.severity).toBe('medium');
    expect(attempt?.attempt).toEqual({ errorCode: 'AccessDenied' });
    expect(attempt?.summary).toContain('created the console password of IAM user svc-reports');
  });
});
