import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const BUCKET = 'customer-invoices';

/** PutObject of a small text object, as an S3 data event. */
export const putObject = (key: string, overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'PutObject',
    eventCategory: 'Data',
    managementEvent: false,
    userIdentity: identities.iamUser('backup-sync'),
    requestParameters: {
      bucketName: BUCKET,
      Host: `${BUCKET}.s3.us-east-1.amazonaws.com`,
      key,
    },
    responseElements: {
      'x-amz-server-side-encryption': 'AES256',
      'x-amz-version-id': '3HL4kqtJlcpXroDTDmjVBH40Nrjfkd',
    },
    additionalEventData: {
      SSEApplied: 'Default_SSE_S3',
      bytesTransferredIn: 1423,
      bytesTransferredOut: 0,
    },
    resources: [
      { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${BUCKET}/${key}` },
      { accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${BUCKET}` },
    ],
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'HOW_TO_DECRYPT.txt at the bucket root', events: [putObject('HOW_TO_DECRYPT.txt')] },
    {
      name: 'a note in a prefix, in HTML',
      events: [putObject('2026/11/RESTORE-YOUR-FILES.html')],
    },
    { name: 'an urgent README', events: [putObject('!!!READ_ME!!!.txt')] },
    { name: 'a camel-case name', events: [putObject('YourFilesAreEncrypted.txt')] },
    {
      name: 'the note copied into place with CopyObject',
      events: [
        putObject('reports/ransom_note', {
          eventName: 'CopyObject',
          requestParameters: {
            bucketName: BUCKET,
            Host: `${BUCKET}.s3.us-east-1.amazonaws.com`,
            key: 'reports/ransom_note',
            'x-amz-copy-source': `${BUCKET}/staging/note.txt`,
          },
        }),
      ],
    },
  ],
  noFire: [
    { name: 'an ordinary README', events: [putObject('docs/README.md')] },
    { name: 'a decryption script', events: [putObject('tools/decrypt.py')] },
    {
      name: 'a runbook on restoring from backup',
      events: [putObject('docs/how-to-restore-from-backup.md')],
    },
    { name: 'an invoice', events: [putObject('2026/11/invoice-0042.pdf')] },
    {
      name: 'a denied upload of a note',
      events: [failed(putObject('HOW_TO_DECRYPT.txt'), 'AccessDenied')],
    },
  ],
};
