import { describe, expect, it } from 'vitest';
import { s3InsecureTransport } from '../../../detectors/access-log/s3-insecure-transport.js';
import {
  AWS_DOC_LINES_2019,
  AWS_DOC_LINES_CURRENT,
  accessLogLine,
} from '../../fixtures/access-logs/lines.js';
import { detect } from './helpers.js';

describe('Detector: s3-insecure-transport', () => {
  it('fires medium on a request over plain HTTP', () => {
    const [finding] = detect(s3InsecureTransport, [
      accessLogLine({ cipherSuite: '-', tlsVersion: '-' }),
    ]);

    expect(finding?.severity).toBe('medium');
    expect(finding?.summary).toContain('over plain HTTP (no TLS)');
    expect(finding?.dedupKey).toBe(
      'amzn-s3-demo-bucket1|arn:aws:sts::111122223333:assumed-role/app-reader|no-tls',
    );
  });

  it('fires low on TLS 1.1, as in the 2019 documentation example', () => {
    const findings = detect(s3InsecureTransport, [AWS_DOC_LINES_2019[0]]);

    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('low');
    expect(findings[0]?.summary).toContain('over TLSV1.1');
  });

  it('fires on TLSv1', () => {
    expect(detect(s3InsecureTransport, [accessLogLine({ tlsVersion: 'TLSv1' })])).toHaveLength(1);
  });

  it('ignores TLS 1.2 and 1.3', () => {
    const lines = [...AWS_DOC_LINES_CURRENT, accessLogLine({ tlsVersion: 'TLSv1.3' })];

    expect(detect(s3InsecureTransport, lines)).toEqual([]);
  });

  it('ignores lines too old to carry the cipher suite, website endpoints and S3-internal work', () => {
    const short = AWS_DOC_LINES_2019[0].split(' ').slice(0, 21).join(' ');
    const lines = [
      short,
      accessLogLine({ operation: 'WEBSITE.GET.OBJECT', cipherSuite: '-', tlsVersion: '-' }),
      accessLogLine({ operation: 'S3.EXPIRE.OBJECT', ip: '-', cipherSuite: '-', tlsVersion: '-' }),
    ];

    expect(detect(s3InsecureTransport, lines)).toEqual([]);
  });
});
