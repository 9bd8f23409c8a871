import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const putCors = cloudTrailEvent({
  eventSource: 's3.amazonaws.com',
  eventName: 'PutBucketCors',
  userIdentity: identities.assumedRole('Deploy', 'cdk'),
  requestParameters: {
    bucketName: 'web-assets',
    Host: 'web-assets.s3.amazonaws.com',
    cors: '',
    CORSConfiguration: {
      xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/',
      CORSRule: {
        AllowedMethod: 'GET',
        AllowedOrigin: 'https://www.example.com',
        MaxAgeSeconds: 3000,
      },
    },
  },
});

const deletePolicy = cloudTrailEvent({
  eventSource: 's3.amazonaws.com',
  eventName: 'DeleteBucketPolicy',
  requestParameters: { bucketName: 'reports', Host: 'reports.s3.amazonaws.com', policy: '' },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'a CORS rule is set on a bucket', events: [putCors] },
    { name: 'a bucket policy is deleted', events: [deletePolicy] },
  ],
  noFire: [
    { name: 'a denied DeleteBucketPolicy', events: [failed(deletePolicy)] },
    {
      name: 'PutBucketTagging is outside the CIS 5.8 set',
      events: [{ ...deletePolicy, eventName: 'PutBucketTagging' }],
    },
    {
      name: 'a read of the bucket policy',
      events: [{ ...deletePolicy, eventName: 'GetBucketPolicy', readOnly: true }],
    },
  ],
};
