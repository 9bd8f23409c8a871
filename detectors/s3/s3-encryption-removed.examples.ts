import { ACCOUNT, cloudTrailEvent, failed } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const deleteEncryption = cloudTrailEvent({
  eventSource: 's3.amazonaws.com',
  eventName: 'DeleteBucketEncryption',
  requestParameters: {
    bucketName: 'customer-invoices',
    Host: 'customer-invoices.s3.us-east-1.amazonaws.com',
    encryption: '',
  },
  resources: [
    { accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::customer-invoices' },
  ],
});

export const examples: DetectorExamples = {
  fire: [{ name: 'default encryption removed', events: [deleteEncryption] }],
  noFire: [
    { name: 'failed removal', events: [failed(deleteEncryption)] },
    {
      name: 'default encryption set to SSE-KMS',
      events: [
        cloudTrailEvent({
          eventSource: 's3.amazonaws.com',
          eventName: 'PutBucketEncryption',
          requestParameters: {
            bucketName: 'customer-invoices',
            encryption: '',
            ServerSideEncryptionConfiguration: {
              Rule: {
                ApplyServerSideEncryptionByDefault: {
                  SSEAlgorithm: 'aws:kms',
                  KMSMasterKeyID: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
                },
                BucketKeyEnabled: true,
              },
              xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/',
            },
          },
        }),
      ],
    },
  ],
};
