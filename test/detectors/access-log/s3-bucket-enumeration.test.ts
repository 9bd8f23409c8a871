import { describe, expect, it } from 'vitest';
import { s3BucketEnumeration } from '../../../detectors/access-log/s3-bucket-enumeration.js';
import { accessLogLine } from '../../fixtures/access-logs/lines.js';
import { alerts, at, detect } from './helpers.js';

const probe = (n: number, spec = {}) =>
  accessLogLine({
    requester: '-',
    ip: '203.0.113.66',
    status: n % 2 === 0 ? 404 : 403,
    key: `backup/${['db', 'site', '.env', 'prod'][n % 4]}-${n}.zip`,
    time: at(5 + Math.floor(n / 10), n % 60),
    ...spec,
  });

describe('Detector: s3-bucket-enumeration', () => {
  it('raises one alert when one address gets 403/404 for 20 different keys in five minutes', async () => {
    // Prepare
    const lines = Array.from({ length: 25 }, (_, n) => probe(n));

    // Act
    const raised = await alerts(s3BucketEnumeration, lines);

    // Assess
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({
      detector: 's3-bucket-enumeration',
      sourceIp: '203.0.113.66',
      dedupKey: 'amzn-s3-demo-bucket1|203.0.113.66',
      resources: ['arn:aws:s3:::amzn-s3-demo-bucket1'],
      runbook: { id: 's3-bucket-scanning' },
    });
  });

  it('stays quiet below the threshold: 19 different keys', async () => {
    const lines = Array.from({ length: 19 }, (_, n) => probe(n));

    expect(await alerts(s3BucketEnumeration, lines)).toEqual([]);
  });

  it('counts retries of the same missing key once', async () => {
    const lines = Array.from({ length: 40 }, (_, n) => probe(n, { key: 'app/config.json' }));

    expect(detect(s3BucketEnumeration, lines)).toHaveLength(40);
    expect(await alerts(s3BucketEnumeration, lines)).toEqual([]);
  });

  it('does not add up errors from different addresses', async () => {
    const lines = Array.from({ length: 30 }, (_, n) => probe(n, { ip: `198.51.100.${n}` }));

    expect(await alerts(s3BucketEnumeration, lines)).toEqual([]);
  });

  it('does not add up errors spread over more than five minutes', async () => {
    const lines = Array.from({ length: 24 }, (_, n) => probe(n, { time: at(n * 2) }));

    expect(await alerts(s3BucketEnumeration, lines)).toEqual([]);
  });

  it('ignores successful requests and CloudFront origin access control', () => {
    const lines = [
      probe(1, { status: 200 }),
      probe(2, { requester: 'svc:cloudfront.amazonaws.com', ip: '-' }),
    ];

    expect(detect(s3BucketEnumeration, lines)).toEqual([]);
  });
});
