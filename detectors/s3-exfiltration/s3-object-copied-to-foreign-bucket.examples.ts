import { ACCOUNT, cloudTrailEvent, failed, identities, OTHER_ACCOUNT } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/**
 * CopyObject as S3 logs it (a data event): destination in the request, source in
 * the copy-source header, both buckets in resources[] with their owners.
 */
const copyObject = (
  destination: { bucket: string; owner: string },
  copySource = 'orders-exports/2026/11/customers.csv',
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'CopyObject',
    userIdentity: identities.assumedRole('ReportingApp', 'i-0aaa1111bbbb22220'),
    requestParameters: {
      bucketName: destination.bucket,
      Host: `${destination.bucket}.s3.us-east-1.amazonaws.com`,
      'x-amz-copy-source': copySource,
      key: 'loot/customers.csv',
      'x-id': 'CopyObject',
    },
    responseElements: { 'x-amz-server-side-encryption': 'AES256' },
    additionalEventData: {
      SignatureVersion: 'SigV4',
      CipherSuite: 'TLS_AES_128_GCM_SHA256',
      bytesTransferredIn: 0,
      AuthenticationMethod: 'AuthHeader',
      bytesTransferredOut: 0,
    },
    resources: [
      { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${destination.bucket}/loot/customers.csv` },
      {
        accountId: destination.owner,
        type: 'AWS::S3::Bucket',
        ARN: `arn:aws:s3:::${destination.bucket}`,
      },
      { type: 'AWS::S3::Object', ARN: 'arn:aws:s3:::orders-exports/2026/11/customers.csv' },
      { accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::orders-exports' },
    ],
    readOnly: false,
    managementEvent: false,
    eventCategory: 'Data',
    ...overrides,
  });

const foreign = { bucket: 'drop-zone-7731', owner: OTHER_ACCOUNT };

export const examples: DetectorExamples = {
  fire: [
    { name: 'an export copied to an unknown account bucket', events: [copyObject(foreign)] },
    {
      name: 'a multipart part copied, URL-encoded source with a version id',
      events: [
        copyObject(
          foreign,
          '/orders-exports/2026%2F11%2Fcustomers.csv?versionId=3HL4kqtJlcpXroDTDmJ',
          {
            eventName: 'UploadPartCopy',
          },
        ),
      ],
    },
  ],
  noFire: [
    {
      name: 'a copy between own buckets',
      events: [copyObject({ bucket: 'orders-archive', owner: ACCOUNT })],
    },
    {
      name: 'a delivery to a trusted account',
      events: [copyObject(foreign)],
      settings: { trustedAccounts: [OTHER_ACCOUNT] },
    },
    {
      name: 'the destination owner is not named',
      events: [
        {
          ...copyObject(foreign),
          resources: [
            { type: 'AWS::S3::Object', ARN: 'arn:aws:s3:::drop-zone-7731/loot/customers.csv' },
          ],
        },
      ],
    },
    { name: 'refused', events: [failed(copyObject(foreign), 'AccessDenied')] },
  ],
};
