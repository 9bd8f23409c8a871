import { ACCOUNT, cloudTrailEvent, failed, identities, OTHER_ACCOUNT } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const BUCKET = 'customer-invoices';
const KEY = '2026/11/invoice-0042.pdf';
const FOREIGN_KEY = `arn:aws:kms:us-east-1:${OTHER_ACCOUNT}:key/9d2f6c1e-7a4b-4e2d-9c3a-1b2c3d4e5f60`;
const OWN_KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

/** CopyObject of an object over itself, as a data event with the SSE-KMS headers. */
export const copyOverItself = (
  request: Record<string, unknown>,
  response: Record<string, unknown> | null,
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'CopyObject',
    eventCategory: 'Data',
    managementEvent: false,
    userIdentity: identities.assumedRole('app-uploader', 'i-0abcd1234ef567890'),
    requestParameters: {
      bucketName: BUCKET,
      Host: `${BUCKET}.s3.us-east-1.amazonaws.com`,
      key: KEY,
      'x-amz-copy-source': `${BUCKET}/${KEY}`,
      'x-amz-metadata-directive': 'COPY',
      ...request,
    },
    responseElements: response,
    additionalEventData: { SSEApplied: 'SSE_KMS', bytesTransferredIn: 0, bytesTransferredOut: 0 },
    resources: [
      { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${BUCKET}/${KEY}` },
      { accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${BUCKET}` },
    ],
    ...overrides,
  });

const sseKms = (key: string) => ({
  'x-amz-server-side-encryption': 'aws:kms',
  'x-amz-server-side-encryption-aws-kms-key-id': key,
});

export const examples: DetectorExamples = {
  fire: [
    {
      name: "an object is copied over itself under another account's key",
      events: [
        copyOverItself(sseKms(FOREIGN_KEY), { ...sseKms(FOREIGN_KEY), 'x-amz-version-id': 'v2' }),
      ],
    },
    {
      name: 'PutObject names the foreign key by alias ARN; S3 reports the key in the response',
      events: [
        copyOverItself(
          sseKms(`arn:aws:kms:us-east-1:${OTHER_ACCOUNT}:alias/locker`),
          sseKms(FOREIGN_KEY),
          { eventName: 'PutObject' },
        ),
      ],
    },
    {
      name: 'the key named only in the response, as SSEKMSKeyId',
      events: [
        copyOverItself(
          { 'x-amz-server-side-encryption': 'aws:kms' },
          { 'x-amz-server-side-encryption': 'aws:kms', SSEKMSKeyId: FOREIGN_KEY },
        ),
      ],
    },
  ],
  noFire: [
    {
      name: "the bucket owner's own key",
      events: [copyOverItself(sseKms(OWN_KEY), sseKms(OWN_KEY))],
    },
    {
      name: "a key named by id only (the caller's account)",
      events: [copyOverItself(sseKms('9d2f6c1e-7a4b-4e2d-9c3a-1b2c3d4e5f60'), null)],
    },
    {
      name: "the organisation's central KMS account is trusted",
      events: [copyOverItself(sseKms(FOREIGN_KEY), sseKms(FOREIGN_KEY))],
      settings: { trustedAccounts: [OTHER_ACCOUNT] },
    },
    {
      name: 'denied by the key policy',
      events: [failed(copyOverItself(sseKms(FOREIGN_KEY), null), 'AccessDenied')],
    },
  ],
};
