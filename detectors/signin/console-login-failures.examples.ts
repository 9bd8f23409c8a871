import { ACCOUNT, cloudTrailEvent, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/**
 * A failed IAM user sign-in as CloudTrail logs it: no ARN, an empty access key,
 * `errorMessage` and `ConsoleLogin: "Failure"` but no `errorCode`. At 10:`minute` on the examples' day.
 */
export function failedLogin(minute = 0, overrides: Partial<CloudTrailEvent> = {}): CloudTrailEvent {
  return cloudTrailEvent({
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    eventType: 'AwsConsoleSignIn',
    eventTime: `2026-11-20T10:${String(minute).padStart(2, '0')}:00Z`,
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDACKCEVSQ6C2EXAMPLE',
      accountId: ACCOUNT,
      accessKeyId: '',
      userName: 'anaya',
    },
    sourceIPAddress: '198.51.100.7',
    userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36',
    errorMessage: 'Failed authentication',
    requestParameters: null,
    responseElements: { ConsoleLogin: 'Failure' },
    additionalEventData: {
      LoginTo: 'https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true',
      MobileVersion: 'No',
      MFAUsed: 'No',
    },
    ...overrides,
  });
}

/** The identity CloudTrail logs when the user name typed does not exist in the account. */
export const hiddenUser = {
  type: 'IAMUser',
  accountId: ACCOUNT,
  accessKeyId: '',
  userName: 'HIDDEN_DUE_TO_SECURITY_REASONS',
};

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'five failed passwords for one user in ten minutes',
      events: [0, 2, 4, 6, 8].map((m) => failedLogin(m)),
    },
    {
      name: 'one address spraying five user names that do not exist',
      events: [0, 1, 2, 3, 4].map((m) => failedLogin(m, { userIdentity: hiddenUser })),
    },
    {
      name: 'five failures against the root user',
      events: [0, 1, 2, 3, 4].map((m) =>
        failedLogin(m, { userIdentity: { ...identities.root(), accessKeyId: '' } }),
      ),
    },
  ],
  noFire: [
    {
      name: 'four failures, then the user remembers',
      events: [0, 1, 2, 3].map((m) => failedLogin(m)),
    },
    {
      name: 'successful sign-ins',
      events: [0, 1, 2, 3, 4].map((m) =>
        failedLogin(m, { errorMessage: undefined, responseElements: { ConsoleLogin: 'Success' } }),
      ),
    },
    {
      name: 'failed MFA step (CheckMfa), not a password failure',
      events: [0, 1, 2, 3, 4].map((m) => failedLogin(m, { eventName: 'CheckMfa' })),
    },
  ],
};
