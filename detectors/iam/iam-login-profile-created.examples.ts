import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** CreateLoginProfile for svc-reports. IAM never logs the password; only the user and the reset flag. */
export const loginProfile = (overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'iam.amazonaws.com',
    eventName: 'CreateLoginProfile',
    requestParameters: { userName: 'svc-reports', passwordResetRequired: false },
    responseElements: {
      loginProfile: {
        userName: 'svc-reports',
        createDate: 'Nov 20, 2026 10:00:00 AM',
        passwordResetRequired: false,
      },
    },
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'assumed role gives a service user a console password',
      events: [loginProfile({ userIdentity: identities.assumedRole('Admin', 'mallory') })],
    },
    {
      name: "IAM user resets another user's password",
      events: [
        loginProfile({
          eventName: 'UpdateLoginProfile',
          requestParameters: { userName: 'bob', passwordResetRequired: false },
          responseElements: null,
        }),
      ],
    },
    {
      name: 'IAM user gives itself a console password (stolen keys to console)',
      events: [loginProfile({ requestParameters: null })],
    },
    {
      name: "refused attempt to set another user's password",
      events: [
        failed(loginProfile({ userIdentity: identities.assumedRole('ReadOnly', 'mallory') })),
      ],
    },
  ],
  noFire: [
    {
      name: 'user changes its own existing password',
      events: [
        loginProfile({
          eventName: 'UpdateLoginProfile',
          requestParameters: { userName: 'alice', passwordResetRequired: false },
        }),
      ],
    },
    {
      name: 'self-service ChangePassword',
      events: [loginProfile({ eventName: 'ChangePassword', requestParameters: null })],
    },
    {
      name: 'password policy rejects it',
      events: [failed(loginProfile(), 'PasswordPolicyViolation')],
    },
  ],
};
