import { ACCOUNT, cloudTrailEvent, failed } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** The bucket whose block is changed. */
export const BUCKET = 'customer-invoices';

/** All four Block Public Access settings on. */
export const allOn = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
};

/** PutBucketPublicAccessBlock: the XML body logged with its namespace, the bucket in bucketName. */
export const putBucketBlock = (
  config: Record<string, unknown>,
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'PutBucketPublicAccessBlock',
    requestParameters: {
      publicAccessBlock: '',
      bucketName: BUCKET,
      PublicAccessBlockConfiguration: {
        xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/',
        ...config,
      },
      Host: `${BUCKET}.s3.us-east-1.amazonaws.com`,
    },
    ...overrides,
  });

/** S3 Control PutPublicAccessBlock, which CloudTrail names PutAccountPublicAccessBlock. */
export const putAccountBlock = (
  config: Record<string, unknown>,
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'PutAccountPublicAccessBlock',
    requestParameters: {
      PublicAccessBlockConfiguration: {
        xmlns: 'http://awss3control.amazonaws.com/doc/2018-08-20/',
        ...config,
      },
      Host: `${ACCOUNT}.s3-control.us-east-1.amazonaws.com`,
    },
    ...overrides,
  });

/** S3 Control DeletePublicAccessBlock, logged as DeleteAccountPublicAccessBlock. */
export const deleteAccountBlock = cloudTrailEvent({
  eventSource: 's3.amazonaws.com',
  eventName: 'DeleteAccountPublicAccessBlock',
  requestParameters: { Host: `${ACCOUNT}.s3-control.us-east-1.amazonaws.com` },
});

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'bucket policy and public-bucket blocks turned off',
      events: [
        putBucketBlock({ ...allOn, BlockPublicPolicy: false, RestrictPublicBuckets: false }),
      ],
    },
    { name: 'account-level block deleted', events: [deleteAccountBlock] },
    {
      name: 'account-level block weakened, setting logged as a string',
      events: [putAccountBlock({ ...allOn, BlockPublicAcls: 'False' })],
    },
  ],
  noFire: [
    { name: 'bucket block put with all four settings on', events: [putBucketBlock(allOn)] },
    {
      name: 'account block put with all four settings on, as strings',
      events: [
        putAccountBlock({
          BlockPublicAcls: 'true',
          IgnorePublicAcls: 'true',
          BlockPublicPolicy: 'true',
          RestrictPublicBuckets: 'true',
        }),
      ],
    },
    { name: 'denied account-level delete', events: [failed(deleteAccountBlock)] },
  ],
};
