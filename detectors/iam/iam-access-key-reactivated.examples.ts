import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** UpdateAccessKey: the key, its new status and (for someone else's key) the user; nothing out. */
export const updateAccessKey = (
  requestParameters: Record<string, unknown>,
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'iam.amazonaws.com',
    eventName: 'UpdateAccessKey',
    requestParameters,
    responseElements: null,
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'a role reactivates a service user’s key (high)',
      events: [
        updateAccessKey(
          { accessKeyId: 'AKIAI44QH8DHBEXAMPLE', status: 'Active', userName: 'svc-backup' },
          { userIdentity: identities.assumedRole('Admin', 'mallory') },
        ),
      ],
    },
    {
      name: 'a user reactivates its own old key',
      events: [updateAccessKey({ accessKeyId: 'AKIAOLDKEYEXAMPLE', status: 'Active' })],
    },
    {
      name: 'refused attempt',
      events: [
        failed(
          updateAccessKey({
            accessKeyId: 'AKIAI44QH8DHBEXAMPLE',
            status: 'Active',
            userName: 'svc-backup',
          }),
        ),
      ],
    },
  ],
  noFire: [
    {
      name: 'key deactivated (containment)',
      events: [
        updateAccessKey({
          accessKeyId: 'AKIAI44QH8DHBEXAMPLE',
          status: 'Inactive',
          userName: 'svc-backup',
        }),
      ],
    },
    {
      name: 'no such key',
      events: [
        failed(
          updateAccessKey({ accessKeyId: 'AKIANOSUCHKEYEXAMPLE', status: 'Active' }),
          'NoSuchEntity',
        ),
      ],
    },
  ],
};
