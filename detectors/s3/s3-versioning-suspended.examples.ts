import { ACCOUNT, cloudTrailEvent, failed } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** PutBucketVersioning as CloudTrail logs it: the XML body converted, with its namespace. */
const putVersioning = (bucket: string, configuration: Record<string, unknown>) =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'PutBucketVersioning',
    requestParameters: {
      bucketName: bucket,
      Host: `${bucket}.s3.us-east-1.amazonaws.com`,
      versioning: '',
      VersioningConfiguration: { ...configuration, xmlns: XMLNS },
    },
    resources: [{ accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucket}` }],
  });

const suspend = putVersioning('customer-invoices', { Status: 'Suspended' });

export const examples: DetectorExamples = {
  fire: [
    { name: 'versioning suspended', events: [suspend] },
    {
      name: 'versioning suspended on the CloudTrail bucket (high)',
      settings: { logBuckets: ['org-cloudtrail-logs'] },
      events: [putVersioning('org-cloudtrail-logs', { Status: 'Suspended' })],
    },
    {
      name: 'MFA Delete disabled while keeping versioning',
      events: [putVersioning('customer-invoices', { Status: 'Enabled', MfaDelete: 'Disabled' })],
    },
  ],
  noFire: [
    {
      name: 'versioning enabled',
      events: [putVersioning('customer-invoices', { Status: 'Enabled' })],
    },
    { name: 'failed suspension', events: [failed(suspend)] },
  ],
};
