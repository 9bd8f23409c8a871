import { ACCOUNT, cloudTrailEvent, failed } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

/** PutBucketLifecycle as CloudTrail logs it: XML-derived, a single rule as an object. */
const putLifecycle = (bucket: string, rule: unknown) =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'PutBucketLifecycle',
    requestParameters: {
      bucketName: bucket,
      Host: `${bucket}.s3.us-east-1.amazonaws.com`,
      lifecycle: '',
      LifecycleConfiguration: { Rule: rule, xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' },
    },
    resources: [{ accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucket}` }],
  });

const nukeLogs = putLifecycle('org-cloudtrail-logs', {
  ID: 'expire-all',
  Status: 'Enabled',
  Filter: { Prefix: '' },
  Expiration: { Days: 1 },
});

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'CloudTrail bucket set to expire logs after one day',
      settings: { logBuckets: ['org-cloudtrail-logs'] },
      events: [nukeLogs],
    },
    {
      name: 'old versions purged after 3 days on a data bucket (low)',
      events: [
        putLifecycle('customer-invoices', [
          {
            ID: 'tidy',
            Status: 'Enabled',
            Filter: {},
            Expiration: { ExpiredObjectDeleteMarker: true },
          },
          {
            ID: 'purge',
            Status: 'Enabled',
            Filter: {},
            NoncurrentVersionExpiration: { NoncurrentDays: 3 },
          },
        ]),
      ],
    },
    {
      name: 'log bucket retention cut to 30 days (medium)',
      settings: { logBuckets: ['org-cloudtrail-logs'] },
      events: [
        putLifecycle('org-cloudtrail-logs', {
          ID: 'retention',
          Status: 'Enabled',
          Filter: { Prefix: 'AWSLogs/' },
          Expiration: { Days: '30' },
        }),
      ],
    },
  ],
  noFire: [
    {
      name: 'a data bucket expiring objects after 30 days',
      events: [
        putLifecycle('customer-invoices', {
          ID: 'tidy',
          Status: 'Enabled',
          Filter: {},
          Expiration: { Days: 30 },
        }),
      ],
    },
    {
      name: 'logs kept for a year and more',
      settings: { logBuckets: ['org-cloudtrail-logs'] },
      events: [
        putLifecycle('org-cloudtrail-logs', {
          ID: 'retention',
          Status: 'Enabled',
          Filter: { Prefix: 'AWSLogs/' },
          Transition: { Days: 90, StorageClass: 'GLACIER' },
          Expiration: { Days: 365 },
        }),
      ],
    },
    {
      name: 'short rule left disabled',
      events: [
        putLifecycle('customer-invoices', {
          ID: 'x',
          Status: 'Disabled',
          Filter: {},
          Expiration: { Days: 1 },
        }),
      ],
    },
    {
      name: 'only incomplete multipart uploads cleaned after 1 day',
      events: [
        putLifecycle('customer-invoices', {
          ID: 'mpu',
          Status: 'Enabled',
          Filter: {},
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
        }),
      ],
    },
    {
      name: 'failed call',
      settings: { logBuckets: ['org-cloudtrail-logs'] },
      events: [failed(nukeLogs)],
    },
  ],
};
