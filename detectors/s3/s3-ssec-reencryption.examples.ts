import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const BUCKET = 'customer-invoices';

/**
 * CopyObject onto itself with SSE-C, as a data event. S3 logs the algorithm
 * header (never the key) and marks the result in additionalEventData.
 */
const copyWithCustomerKey = (key: string, sse = true): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'CopyObject',
    eventCategory: 'Data',
    managementEvent: false,
    userIdentity: identities.assumedRole('etl', 'i-0abc123'),
    userAgent: 'python-requests/2.32.5',
    requestParameters: {
      bucketName: BUCKET,
      Host: `${BUCKET}.s3.us-east-1.amazonaws.com`,
      key,
      'x-amz-copy-source': `${BUCKET}/${key}`,
      ...(sse
        ? {
            'x-amz-server-side-encryption-customer-algorithm': 'AES256',
            'x-amz-server-side-encryption-customer-key-MD5': 'ZjQrne1X/iTcskbY2m3example==',
          }
        : {}),
    },
    additionalEventData: {
      SignatureVersion: 'SigV4',
      AuthenticationMethod: 'AuthHeader',
      ...(sse ? { SSEApplied: 'SSE_C' } : { SSEApplied: 'Default_SSE_S3' }),
    },
    resources: [
      { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${BUCKET}/${key}` },
      { accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${BUCKET}` },
    ],
  });

const objects = (n: number, sse = true) =>
  Array.from({ length: n }, (_, i) => copyWithCustomerKey(`2026/11/invoice-${i}.pdf`, sse));

export const examples: DetectorExamples = {
  fire: [{ name: '25 objects copied over themselves under SSE-C', events: objects(25) }],
  noFire: [
    { name: 'a handful of SSE-C writes', events: objects(5) },
    { name: '25 ordinary copies (SSE-S3)', events: objects(25, false) },
    { name: '25 failed SSE-C copies', events: objects(25).map((e) => failed(e)) },
  ],
};
