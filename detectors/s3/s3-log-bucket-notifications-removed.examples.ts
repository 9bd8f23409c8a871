import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const LOG_BUCKET = 'org-cloudtrail-logs';
const settings = { logBuckets: [LOG_BUCKET] };
const XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** PutBucketNotificationConfiguration as CloudTrail logs it (event name PutBucketNotification). */
export const putNotifications = (
  configuration: Record<string, unknown>,
  bucket = LOG_BUCKET,
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'PutBucketNotification',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: {
      bucketName: bucket,
      Host: `${bucket}.s3.us-east-1.amazonaws.com`,
      notification: '',
      NotificationConfiguration: { xmlns: XMLNS, ...configuration },
    },
    responseElements: null,
    resources: [{ accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucket}` }],
    ...overrides,
  });

const toQueue = (queue: string) => ({
  QueueConfiguration: {
    Id: 'trailwatch-ingest',
    Queue: `arn:aws:sqs:us-east-1:${ACCOUNT}:${queue}`,
    Event: 's3:ObjectCreated:*',
  },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'every notification removed (high)', events: [putNotifications({})], settings },
    {
      name: 'notifications replaced with a topic (medium)',
      events: [
        putNotifications({
          TopicConfiguration: [
            {
              Id: 'x',
              Topic: 'arn:aws:sns:us-east-1:444455556666:collector',
              Event: 's3:ObjectCreated:*',
            },
          ],
        }),
      ],
      settings,
    },
    {
      name: 'a denied removal (an attempt)',
      events: [failed(putNotifications({}), 'AccessDenied')],
      settings,
    },
  ],
  noFire: [
    {
      name: 'a data bucket loses its notifications',
      events: [putNotifications({}, 'customer-uploads')],
      settings,
    },
    {
      name: 'no logBuckets configured',
      events: [putNotifications({})],
    },
    {
      name: 'the notification points at a queue that does not exist',
      events: [failed(putNotifications(toQueue('missing-queue')), 'InvalidArgument')],
      settings,
    },
  ],
};
