import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** AdminSetUserPassword: CloudTrail hides the user name and the password. */
export const adminSetPassword = (permanent: boolean, overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'cognito-idp.amazonaws.com',
    eventName: 'AdminSetUserPassword',
    userIdentity: identities.assumedRole('support-tools', 'mallory'),
    requestParameters: {
      userPoolId: 'us-east-1_aaaaaaaaa',
      username: 'HIDDEN_DUE_TO_SECURITY_REASONS',
      password: 'HIDDEN_DUE_TO_SECURITY_REASONS',
      permanent,
    },
    responseElements: null,
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'permanent password set for an app user', events: [adminSetPassword(true)] },
    { name: 'temporary password (low)', events: [adminSetPassword(false)] },
    { name: 'refused attempt', events: [failed(adminSetPassword(true), 'AccessDeniedException')] },
  ],
  noFire: [
    { name: 'no such user', events: [failed(adminSetPassword(true), 'UserNotFoundException')] },
    {
      name: 'the user changes its own password (ChangePassword, no AWS credentials)',
      events: [
        adminSetPassword(true, {
          eventName: 'ChangePassword',
          userIdentity: { type: 'Unknown' },
          requestParameters: {
            accessToken: 'HIDDEN_DUE_TO_SECURITY_REASONS',
            previousPassword: 'HIDDEN_DUE_TO_SECURITY_REASONS',
            proposedPassword: 'HIDDEN_DUE_TO_SECURITY_REASONS',
          },
        }),
      ],
    },
  ],
};
