import { describe, expect, it } from 'vitest';
import { s3SsecReencryption } from '../../../detectors/s3/s3-ssec-reencryption.js';
import { detect } from '../../helpers/detect.js';
import { cloudTrailEvent } from '../../helpers/events.js';

const write = (
  eventName: string,
  requestParameters: Record<string, unknown>,
  additionalEventData = {},
) =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName,
    eventCategory: 'Data',
    requestParameters: { bucketName: 'data', key: 'a.csv', ...requestParameters },
    additionalEventData,
  });

describe('Detector: s3-ssec-reencryption', () => {
  it('counts a PutObject marked SSE_C in additionalEventData alone', () => {
    const finding = detect(s3SsecReencryption, write('PutObject', {}, { SSEApplied: 'SSE_C' }))[0];

    expect(finding?.dedupKey).toMatch(/\|SSE-C\|data$/);
  });

  it('counts multipart uploads started with SSE-C', () => {
    const event = write('CreateMultipartUpload', {
      uploads: '',
      'X-Amz-Server-Side-Encryption-Customer-Algorithm': 'AES256',
    });

    expect(detect(s3SsecReencryption, event)).toHaveLength(1);
  });

  it('ignores copies that only read an SSE-C source', () => {
    const event = write('CopyObject', {
      'x-amz-copy-source-server-side-encryption-customer-algorithm': 'AES256',
    });

    expect(detect(s3SsecReencryption, event)).toEqual([]);
  });

  it('ignores SSE-KMS writes', () => {
    const event = write(
      'PutObject',
      { 'x-amz-server-side-encryption': 'aws:kms' },
      { SSEApplied: 'SSE_KMS' },
    );

    expect(detect(s3SsecReencryption, event)).toEqual([]);
  });
});
