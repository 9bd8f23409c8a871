import { describe, expect, it } from 'vitest';
import { s3CloudFrontOriginBypassed } from '../../../detectors/access-log/s3-cloudfront-origin-bypassed.js';
import { accessLogLine } from '../../fixtures/access-logs/lines.js';
import { detect } from './helpers.js';

const BUCKET = 'static-site-origin';
const OAI = 'a'.repeat(64);
const settings = { cloudFrontOnlyBuckets: [BUCKET], cloudFrontOriginAccessIdentities: [OAI] };
const read = (spec = {}) => accessLogLine({ bucket: BUCKET, key: 'index.html', ...spec });

describe('Detector: s3-cloudfront-origin-bypassed', () => {
  it('fires when a CloudFront-only bucket is read by someone else', () => {
    const [finding] = detect(s3CloudFrontOriginBypassed, [read()], settings);

    expect(finding?.severity).toBe('medium');
    expect(finding?.summary).toContain('read static-site-origin/index.html directly');
    expect(finding?.event.userIdentity).toMatchObject({
      type: 'AssumedRole',
      sessionContext: { sessionIssuer: { arn: 'arn:aws:iam::111122223333:role/app-reader' } },
    });
  });

  it('fires high when the direct reader is anonymous', () => {
    const [finding] = detect(
      s3CloudFrontOriginBypassed,
      [read({ requester: '-', ip: '203.0.113.9' })],
      settings,
    );

    expect(finding?.severity).toBe('high');
  });

  it('ignores reads by origin access control and by a configured origin access identity', () => {
    const lines = [
      read({ requester: 'svc:cloudfront.amazonaws.com', ip: '-' }),
      read({ requester: OAI }),
    ];

    expect(detect(s3CloudFrontOriginBypassed, lines, settings)).toEqual([]);
  });

  it('ignores buckets not listed, writes, and refused reads', () => {
    const lines = [
      read({ bucket: 'another-bucket' }),
      read({ operation: 'REST.PUT.OBJECT' }),
      read({ requester: '-', status: 403 }),
    ];

    expect(detect(s3CloudFrontOriginBypassed, lines, settings)).toEqual([]);
  });

  it('stays quiet while no bucket is configured', () => {
    expect(detect(s3CloudFrontOriginBypassed, [read()])).toEqual([]);
  });
});
