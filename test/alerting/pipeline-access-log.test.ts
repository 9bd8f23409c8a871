import { describe, expect, it } from 'vitest';
import { AlertAggregator } from '../../alerting/aggregator.js';
import { runPipeline } from '../../alerting/pipeline.js';
import { BUILTIN_ACCESS_LOG_DETECTORS } from '../../detectors/access-log/catalog.js';
import { AccessLogEngine } from '../../detectors/access-log/engine.js';
import { DetectorEngine } from '../../detectors/engine.js';
import { DEFAULT_SETTINGS } from '../../detectors/types.js';
import { readObject } from '../../ingest/read-object.js';
import { accessLogLine } from '../fixtures/access-logs/lines.js';

const ctx = { settings: DEFAULT_SETTINGS };
const LOG = Buffer.from(
  `${[
    accessLogLine({ requester: '-', ip: '203.0.113.50', requestId: 'ANON1' }),
    accessLogLine({ requestId: 'ROLE1' }),
    'not an access-log line',
  ].join('\n')}\n`,
);
const KEY =
  's3://logs/111122223333/eu-west-1/amzn-s3-demo-bucket1/2024/05/14/2024-05-14-09-05-12-0A1B';

describe('runPipeline with S3 server access logs', () => {
  it('runs access-log detectors on access-log records and publishes their alerts', async () => {
    // Act
    const result = await runPipeline(
      readObject(KEY, LOG),
      new DetectorEngine([], ctx),
      new AlertAggregator(),
      {},
      { accessLogs: new AccessLogEngine(BUILTIN_ACCESS_LOG_DETECTORS, ctx) },
    );

    // Assess
    expect(result.input).toMatchObject({
      objects: 1,
      events: 0,
      accessLogRecords: 2,
      ingestErrors: 1,
      findings: 1,
    });
    expect(result.alerts.map((a) => [a.detector, a.account, a.principal, a.eventIds])).toEqual([
      ['s3-anonymous-access-succeeded', '111122223333', 'account:ANONYMOUS_PRINCIPAL', ['ANON1']],
    ]);
  });

  it('still detects an anonymous downloader whose user agent and referer hold unescaped quotes', async () => {
    // S3 does not escape `"` in these fields: the client's own quotes must not make
    // its line unreadable (an ingest error) or shift its fields out of detection.
    const log = [
      accessLogLine({
        requester: '-',
        ip: '203.0.113.50',
        requestId: 'ANONQ',
        userAgent: 'curl/8.5.0" "x" - AAAA SigV4 C AuthHeader h TLSv1.2 - - us-east-1',
      }).replace('"-" "curl', '"https://www.example.com/?q="x"" "curl'),
    ].join('\n');

    const result = await runPipeline(
      readObject(KEY, Buffer.from(`${log}\n`)),
      new DetectorEngine([], ctx),
      new AlertAggregator(),
      {},
      { accessLogs: new AccessLogEngine(BUILTIN_ACCESS_LOG_DETECTORS, ctx) },
    );

    expect(result.input).toMatchObject({ accessLogRecords: 1, ingestErrors: 0 });
    expect(result.alerts.map((a) => [a.detector, a.sourceIp, a.eventIds])).toEqual([
      ['s3-anonymous-access-succeeded', '203.0.113.50', ['ANONQ']],
    ]);
  });

  it('counts access-log records but raises nothing when no access-log engine is given', async () => {
    const result = await runPipeline(
      readObject(KEY, LOG),
      new DetectorEngine([], ctx),
      new AlertAggregator(),
    );

    expect(result.input.accessLogRecords).toBe(2);
    expect(result.alerts).toEqual([]);
  });
});
