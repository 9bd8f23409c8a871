import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** BatchGetSecretValue with filters (ListSecrets' Filter shape: a key and up to 10 values). */
export const batchByFilter = (
  filters: readonly unknown[],
  overrides: Partial<CloudTrailEvent> = {},
): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 'secretsmanager.amazonaws.com',
    eventName: 'BatchGetSecretValue',
    readOnly: true,
    userIdentity: identities.iamUser('mallory'),
    requestParameters: { filters: [...filters], maxResults: 20 },
    responseElements: null,
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'filter key "all" over every attribute',
      events: [batchByFilter([{ key: 'all', values: ['a'] }])],
    },
    {
      name: 'negated tag-key filter: every secret without a given tag',
      events: [batchByFilter([{ key: 'tag-key', values: ['!nonexistent-tag'] }])],
    },
    {
      name: 'negation hidden in the second value of the second filter',
      events: [
        batchByFilter([
          { key: 'name', values: ['prod'] },
          { key: 'tag-value', values: ['orders', ' !x'] },
        ]),
      ],
    },
    {
      name: 'refused attempt with a catch-all filter',
      events: [failed(batchByFilter([{ key: 'ALL', values: ['prod'] }]), 'AccessDeniedException')],
    },
  ],
  noFire: [
    {
      name: 'an application fetching its own tagged secrets',
      events: [batchByFilter([{ key: 'tag-key', values: ['orders-api'] }])],
    },
    {
      name: 'an explicit list (judged by secrets-batch-read-many)',
      events: [batchByFilter([], { requestParameters: { secretIdList: ['prod/orders/db'] } })],
    },
    {
      name: 'invalid request rejected',
      events: [failed(batchByFilter([{ key: 'all', values: ['x'] }]), 'InvalidParameterException')],
    },
  ],
};
