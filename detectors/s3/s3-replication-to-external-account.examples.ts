import { ACCOUNT, cloudTrailEvent, failed, OTHER_ACCOUNT } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

/** PutBucketReplication as CloudTrail logs it: the XML body converted; one rule is an object. */
const putReplication = (destination: Record<string, unknown>, status = 'Enabled') =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'PutBucketReplication',
    requestParameters: {
      bucketName: 'customer-invoices',
      Host: 'customer-invoices.s3.us-east-1.amazonaws.com',
      replication: '',
      ReplicationConfiguration: {
        Role: `arn:aws:iam::${ACCOUNT}:role/s3-replication`,
        Rule: {
          ID: 'all-objects',
          Status: status,
          Priority: 1,
          Filter: { Prefix: '' },
          DeleteMarkerReplication: { Status: 'Disabled' },
          Destination: destination,
        },
        xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/',
      },
    },
    resources: [
      { accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::customer-invoices' },
    ],
  });

const toOther = putReplication({
  Bucket: 'arn:aws:s3:::drop-zone-7731',
  Account: OTHER_ACCOUNT,
  AccessControlTranslation: { Owner: 'Destination' },
});

export const examples: DetectorExamples = {
  fire: [{ name: 'replication to an untrusted account', events: [toOther] }],
  noFire: [
    {
      name: 'same-account replication to another region',
      events: [
        putReplication({
          Bucket: 'arn:aws:s3:::customer-invoices-dr',
          StorageClass: 'STANDARD_IA',
        }),
      ],
    },
    {
      name: 'replication to a trusted backup account',
      settings: { trustedAccounts: [OTHER_ACCOUNT] },
      events: [toOther],
    },
    {
      name: 'rule to the other account left disabled',
      events: [
        putReplication(
          { Bucket: 'arn:aws:s3:::drop-zone-7731', Account: OTHER_ACCOUNT },
          'Disabled',
        ),
      ],
    },
    { name: 'failed call', events: [failed(toOther)] },
  ],
};
