import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const BUCKET = 'customer-invoices';

/** DeleteObject as a data event: the key is in requestParameters. */
const deleteObject = (key: string, userIdentity = identities.iamUser('mallory')): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'DeleteObject',
    eventCategory: 'Data',
    managementEvent: false,
    userIdentity,
    requestParameters: {
      bucketName: BUCKET,
      Host: `${BUCKET}.s3.us-east-1.amazonaws.com`,
      key,
      'x-id': 'DeleteObject',
    },
    resources: [
      { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${BUCKET}/${key}` },
      { accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${BUCKET}` },
    ],
  });

const burst = (n: number, who = identities.iamUser('mallory')) =>
  Array.from({ length: n }, (_, i) => deleteObject(`2026/11/invoice-${i}.pdf`, who));

export const examples: DetectorExamples = {
  fire: [{ name: '60 objects deleted by one user', events: burst(60) }],
  noFire: [
    { name: '20 objects deleted', events: burst(20) },
    { name: '60 failed deletions', events: burst(60).map((e) => failed(e)) },
  ],
};
