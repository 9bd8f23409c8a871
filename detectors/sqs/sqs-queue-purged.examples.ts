import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const QUEUE = 'https://sqs.us-east-1.amazonaws.com/111122223333/trailwatch-ingest';

/** PurgeQueue as CloudTrail logs it: the queue URL, no response body. */
export const purgeQueue = (overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'sqs.amazonaws.com',
    eventName: 'PurgeQueue',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: { queueUrl: QUEUE },
    responseElements: null,
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'the log ingest queue is purged', events: [purgeQueue()] },
    {
      name: 'the queue URL in the JSON protocol spelling',
      events: [purgeQueue({ requestParameters: { QueueUrl: QUEUE } })],
    },
  ],
  noFire: [
    {
      name: 'a purge already under way',
      events: [failed(purgeQueue(), 'AWS.SimpleQueueService.PurgeQueueInProgress')],
    },
    {
      name: 'DeleteMessage removes one message',
      events: [
        purgeQueue({
          eventName: 'DeleteMessage',
          requestParameters: {
            queueUrl: QUEUE,
            receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a',
          },
        }),
      ],
    },
  ],
};
