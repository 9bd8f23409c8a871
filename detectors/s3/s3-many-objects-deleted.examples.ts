import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/**
 * DeleteObject as a data event. CloudTrail logs one of these per key of a
 * DeleteObjects batch too, beside the batch's own DeleteObjects event.
 */
export const deleteObject = (
  bucket: string,
  key: string,
  overrides: Partial<CloudTrailEvent> = {},
): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'DeleteObject',
    eventCategory: 'Data',
    managementEvent: false,
    userIdentity: identities.assumedRole('etl-worker', 'i-0abcd1234ef567890'),
    requestParameters: {
      bucketName: bucket,
      Host: `${bucket}.s3.us-east-1.amazonaws.com`,
      key,
      'x-id': 'DeleteObject',
    },
    responseElements: null,
    resources: [
      { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${bucket}/${key}` },
      { accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucket}` },
    ],
    ...overrides,
  });

/** The DeleteObjects event of a batch: CloudTrail logs the bucket, not the keys. */
const deleteObjectsBatch = (bucket: string) =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'DeleteObjects',
    eventCategory: 'Data',
    managementEvent: false,
    userIdentity: identities.assumedRole('etl-worker', 'i-0abcd1234ef567890'),
    requestParameters: {
      bucketName: bucket,
      Host: `${bucket}.s3.us-east-1.amazonaws.com`,
      delete: '',
    },
    responseElements: null,
    resources: [
      { type: 'AWS::S3::Object', ARNPrefix: `arn:aws:s3:::${bucket}/` },
      { accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucket}` },
    ],
  });

const BUCKETS = ['finance-exports', 'hr-archive', 'legal-holds', 'customer-invoices', 'crm-dumps'];

/** `perBucket` keys deleted from each of the five buckets: under s3-mass-deletion's 50 per bucket. */
const spread = (perBucket: number) =>
  BUCKETS.flatMap((bucket) =>
    Array.from({ length: perBucket }, (_, i) => deleteObject(bucket, `2026/11/file-${i}.csv`)),
  );

/** Versions of keys deleted one by one, the way versioning is defeated. */
const versions = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    deleteObject('customer-invoices', `invoices/${i % 20}.pdf`, {
      requestParameters: {
        bucketName: 'customer-invoices',
        Host: 'customer-invoices.s3.us-east-1.amazonaws.com',
        key: `invoices/${i % 20}.pdf`,
        versionId: `v${i}-3HL4kqtJlcpXroDTDmjVBH40Nrjfkd`,
      },
    }),
  );

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'forty keys from each of five buckets, with the batch envelopes',
      events: [...spread(40), ...BUCKETS.map(deleteObjectsBatch)],
    },
    { name: 'two hundred versions of twenty keys', events: versions(200) },
  ],
  noFire: [
    { name: '199 different keys', events: spread(40).slice(0, 199) },
    {
      name: 'the same lock key deleted 300 times',
      events: Array.from({ length: 300 }, () => deleteObject('app-state', 'locks/leader.lock')),
    },
    {
      name: 'batches whose keys are not logged',
      events: Array.from({ length: 250 }, () => deleteObjectsBatch('ci-artifacts')),
    },
    { name: '250 denied deletions', events: spread(50).map((e) => failed(e, 'AccessDenied')) },
  ],
};
