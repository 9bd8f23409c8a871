import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/**
 * GetSessionToken by IAM user alice with her long-term key (AKIA...). STS logs
 * the duration and, when sent, the MFA serial; the new credentials' key id and
 * expiry come back.
 */
export const getSessionToken = (
  requestParameters: Record<string, unknown> | null = { durationSeconds: 129600 },
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'sts.amazonaws.com',
    eventName: 'GetSessionToken',
    readOnly: true,
    userIdentity: identities.iamUser('alice'),
    requestParameters,
    responseElements: {
      credentials: {
        accessKeyId: 'ASIAQRSTUVWXEXAMPLE',
        sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE',
        expiration: 'Nov 22, 2026 10:00:00 PM',
      },
    },
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: '36-hour session from a key alone', events: [getSessionToken()] },
    { name: 'default duration, no parameters at all', events: [getSessionToken(null)] },
    {
      name: 'with MFA (low)',
      events: [
        getSessionToken({
          durationSeconds: 3600,
          serialNumber: 'arn:aws:iam::111122223333:mfa/alice',
        }),
      ],
    },
  ],
  noFire: [
    {
      name: 'wrong MFA code',
      events: [
        failed(
          getSessionToken({ serialNumber: 'arn:aws:iam::111122223333:mfa/alice' }),
          'AccessDenied',
          'MultiFactorAuthentication failed with invalid MFA one time pass code.',
        ),
      ],
    },
    {
      name: 'the root user (root-account-used judges it)',
      events: [getSessionToken(undefined, { userIdentity: identities.root() })],
    },
    {
      name: 'a role session asks for a federation token instead',
      events: [
        getSessionToken(
          { name: 'carol' },
          { eventName: 'GetFederationToken', userIdentity: identities.assumedRole() },
        ),
      ],
    },
  ],
};
