import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** The bucket whose access logging is changed. */
export const BUCKET = 'customer-invoices';
/** Namespace S3 logs on the XML request body. */
export const XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** PutBucketLogging as CloudTrail records it: the XML body under BucketLoggingStatus. */
export const putBucketLogging = (status: unknown, overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'PutBucketLogging',
    requestParameters: {
      bucketName: BUCKET,
      BucketLoggingStatus: status,
      Host: `${BUCKET}.s3.us-east-1.amazonaws.com`,
      logging: '',
    },
    resources: [{ accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${BUCKET}` }],
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'logging status with only the XML namespace',
      events: [putBucketLogging({ xmlns: XMLNS })],
    },
    {
      name: 'root sends an empty logging status',
      events: [putBucketLogging({}, { userIdentity: identities.root() })],
    },
  ],
  noFire: [
    {
      name: 'logging enabled to the central log bucket',
      events: [
        putBucketLogging({
          xmlns: XMLNS,
          LoggingEnabled: { TargetBucket: 'central-access-logs', TargetPrefix: `${BUCKET}/` },
        }),
      ],
    },
    { name: 'denied change', events: [failed(putBucketLogging({ xmlns: XMLNS }))] },
    {
      name: 'record without request parameters',
      events: [putBucketLogging({}, { requestParameters: null })],
    },
  ],
};
