import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** The customer managed key every example acts on. */
export const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
/** ARN of KEY_ID. */
export const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/${KEY_ID}`;

/** Shaped as the ScheduleKeyDeletion example in the KMS developer guide. */
export const scheduleDeletion = (overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'kms.amazonaws.com',
    eventName: 'ScheduleKeyDeletion',
    requestParameters: { pendingWindowInDays: 7, keyId: KEY_ID },
    responseElements: {
      keyId: KEY_ARN,
      keyState: 'PendingDeletion',
      deletionDate: 'Nov 27, 2026 10:00:00 AM',
    },
    resources: [{ accountId: ACCOUNT, type: 'AWS::KMS::Key', ARN: KEY_ARN }],
    ...overrides,
  });

/** DisableKey of KEY_ID. */
export const disableKey = (overrides: Partial<CloudTrailEvent> = {}) =>
  scheduleDeletion({
    eventName: 'DisableKey',
    requestParameters: { keyId: KEY_ID },
    responseElements: null,
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'key scheduled for deletion in 7 days', events: [scheduleDeletion()] },
    {
      name: 'key disabled by an assumed role',
      events: [disableKey({ userIdentity: identities.assumedRole('Ops', 'mallory') })],
    },
  ],
  noFire: [
    { name: 'deletion cancelled', events: [disableKey({ eventName: 'CancelKeyDeletion' })] },
    { name: 'key re-enabled', events: [disableKey({ eventName: 'EnableKey' })] },
    {
      name: 'deletion refused: key already pending',
      events: [failed(scheduleDeletion(), 'KMSInvalidStateException')],
    },
  ],
};
