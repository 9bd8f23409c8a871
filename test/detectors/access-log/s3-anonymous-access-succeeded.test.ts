import { describe, expect, it } from 'vitest';
import { s3AnonymousAccessSucceeded } from '../../../detectors/access-log/s3-anonymous-access-succeeded.js';
import { AWS_DOC_LINES_CURRENT, accessLogLine } from '../../fixtures/access-logs/lines.js';
import { detect } from './helpers.js';

const anonymous = (spec = {}) => accessLogLine({ requester: '-', ip: '203.0.113.50', ...spec });

describe('Detector: s3-anonymous-access-succeeded', () => {
  it('fires when an anonymous GET of an object succeeds', () => {
    // Act
    const [finding, ...rest] = detect(s3AnonymousAccessSucceeded, [anonymous()]);

    // Assess
    expect(rest).toEqual([]);
    expect(finding?.severity).toBe('high');
    expect(finding?.summary).toBe(
      'an anonymous requester at 203.0.113.50 read amzn-s3-demo-bucket1/reports/2024/q1.csv without credentials (REST.GET.OBJECT, HTTP 200, 5.0 KiB sent)',
    );
    expect(finding?.resources).toEqual(['arn:aws:s3:::amzn-s3-demo-bucket1']);
    // Evidence reads like a CloudTrail S3 data event, with the bucket's account from the log key.
    expect(finding?.event).toMatchObject({
      eventType: 'S3ServerAccessLog',
      eventSource: 's3.amazonaws.com',
      eventName: 'REST.GET.OBJECT',
      eventTime: '2024-05-14T09:05:12.000Z',
      sourceIPAddress: '203.0.113.50',
      recipientAccountId: '111122223333',
      awsRegion: 'eu-west-1',
      userIdentity: { type: 'AWSAccount', accountId: 'ANONYMOUS_PRINCIPAL' },
      requestParameters: { bucketName: 'amzn-s3-demo-bucket1', key: 'reports/2024/q1.csv' },
    });
  });

  it('fires critical when an anonymous write succeeds', () => {
    const [finding] = detect(s3AnonymousAccessSucceeded, [
      anonymous({ operation: 'REST.PUT.OBJECT', key: 'uploads/shell.php' }),
    ]);

    expect(finding?.severity).toBe('critical');
    expect(finding?.dedupKey).toBe('amzn-s3-demo-bucket1|anonymous|write');
  });

  it('fires on an anonymous bucket listing', () => {
    const findings = detect(s3AnonymousAccessSucceeded, [
      anonymous({ operation: 'REST.GET.BUCKET', key: '-' }),
    ]);

    expect(findings).toHaveLength(1);
  });

  it('ignores an anonymous request S3 refused', () => {
    expect(detect(s3AnonymousAccessSucceeded, [anonymous({ status: 403 })])).toEqual([]);
  });

  it('ignores an authenticated request, including a presigned URL', () => {
    const presigned = accessLogLine({ authType: 'QueryString' });

    expect(detect(s3AnonymousAccessSucceeded, [presigned, ...AWS_DOC_LINES_CURRENT])).toEqual([]);
  });

  it('ignores CORS preflight and website endpoint requests', () => {
    const lines = [
      anonymous({ operation: 'REST.OPTIONS.PREFLIGHT' }),
      anonymous({ operation: 'WEBSITE.GET.OBJECT' }),
    ];

    expect(detect(s3AnonymousAccessSucceeded, lines)).toEqual([]);
  });
});
