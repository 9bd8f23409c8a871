import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/**
 * BatchGetSecretValue with an explicit list, as CloudTrail logs it: the ids in
 * the request, no values in the response.
 */
export const batchRead = (
  secretIdList: readonly string[],
  overrides: Partial<CloudTrailEvent> = {},
): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 'secretsmanager.amazonaws.com',
    eventName: 'BatchGetSecretValue',
    readOnly: true,
    userIdentity: identities.assumedRole('build-runner', 'i-0abc1234def567890', 'false'),
    requestParameters: { secretIdList: [...secretIdList] },
    responseElements: null,
    ...overrides,
  });

const names = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `prod/service-${from + i}/credentials`);

export const examples: DetectorExamples = {
  fire: [
    { name: 'one full batch of 20 different secrets', events: [batchRead(names(0, 20))] },
    {
      name: 'two batches of 12 secrets, by name and by ARN',
      events: [
        batchRead(names(0, 12)),
        batchRead(
          names(12, 12).map(
            (n) => `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:${n}-Ab12Cd`,
          ),
        ),
      ],
    },
  ],
  noFire: [
    {
      name: 'an agent loading its 5 secrets at every start, 30 times',
      events: Array.from({ length: 30 }, () => batchRead(names(0, 5))),
    },
    {
      name: 'the same 10 secrets by name, then by ARN',
      events: [
        batchRead(names(0, 10)),
        batchRead(
          names(0, 10).map((n) => `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:${n}-Zz98Yx`),
        ),
      ],
    },
    {
      name: 'denied batch of 20',
      events: [failed(batchRead(names(0, 20)), 'AccessDeniedException')],
    },
    {
      name: 'a batch by filter (judged by secrets-batch-read-broad-filter)',
      events: [
        batchRead([], {
          requestParameters: { filters: [{ key: 'tag-key', values: ['app'] }], maxResults: 20 },
        }),
      ],
    },
  ],
};
