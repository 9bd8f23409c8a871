import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** DeleteBucket as CloudTrail logs it: a management event with no response body. */
export const deleteBucket = (bucket: string, overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'DeleteBucket',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: { bucketName: bucket, Host: `${bucket}.s3.us-east-1.amazonaws.com` },
    responseElements: null,
    additionalEventData: {
      SignatureVersion: 'SigV4',
      CipherSuite: 'TLS_AES_128_GCM_SHA256',
      bytesTransferredIn: 0,
      AuthenticationMethod: 'AuthHeader',
      'x-amz-id-2': 'Y2xvdWR0cmFpbCBleGFtcGxlIGlkIDI=',
      bytesTransferredOut: 0,
    },
    resources: [{ accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucket}` }],
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'a data bucket is deleted (medium)', events: [deleteBucket('customer-invoices')] },
    {
      name: 'the CloudTrail log bucket is deleted (high)',
      events: [deleteBucket('org-cloudtrail-logs')],
      settings: { logBuckets: ['org-cloudtrail-logs'] },
    },
    {
      name: 'CloudFormation deletes a bucket with its stack (low)',
      events: [
        deleteBucket('review-app-assets', {
          userIdentity: {
            ...identities.assumedRole('Deploy', 'AWSCloudFormation'),
            invokedBy: 'cloudformation.amazonaws.com',
          },
        }),
      ],
    },
    {
      name: 'a denied deletion of the log bucket (an attempt)',
      events: [failed(deleteBucket('org-cloudtrail-logs'), 'AccessDenied')],
      settings: { logBuckets: ['org-cloudtrail-logs'] },
    },
  ],
  noFire: [
    {
      name: 'the bucket still holds objects',
      events: [
        failed(
          deleteBucket('customer-invoices'),
          'BucketNotEmpty',
          'The bucket you tried to delete is not empty',
        ),
      ],
    },
    {
      name: 'DeleteBucketPolicy is not a bucket deletion',
      events: [{ ...deleteBucket('customer-invoices'), eventName: 'DeleteBucketPolicy' }],
    },
  ],
};
