import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** CreateAccessKey for svc-backup (by alice unless overridden), with the key IAM returns. */
export const createAccessKey = (overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'iam.amazonaws.com',
    eventName: 'CreateAccessKey',
    requestParameters: { userName: 'svc-backup' },
    responseElements: {
      accessKey: {
        userName: 'svc-backup',
        accessKeyId: 'AKIAI44QH8DHBEXAMPLE',
        status: 'Active',
        createDate: 'Nov 20, 2026 10:00:00 AM',
      },
    },
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'IAM user alice mints a key for svc-backup', events: [createAccessKey()] },
    {
      name: 'assumed role mints a key for an IAM user',
      events: [
        createAccessKey({ userIdentity: identities.assumedRole('ci-deployer', 'build-8814') }),
      ],
    },
    {
      name: 'refused attempt to mint a key for another user',
      events: [failed(createAccessKey(), 'AccessDenied')],
    },
  ],
  noFire: [
    {
      name: 'alice rotates her own key, naming herself',
      events: [createAccessKey({ requestParameters: { userName: 'alice' } })],
    },
    {
      name: 'key created without userName (for the caller itself)',
      events: [createAccessKey({ requestParameters: null })],
    },
    { name: 'key limit reached', events: [failed(createAccessKey(), 'LimitExceededException')] },
  ],
};
