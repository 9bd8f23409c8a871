import { describe, expect, it } from 'vitest';
import { BUILTIN_ACCESS_LOG_DETECTORS } from '../../../detectors/access-log/catalog.js';
import { AccessLogEngine } from '../../../detectors/access-log/engine.js';
import { bucketLocation } from '../../../detectors/access-log/location.js';
import { applyAccessLogOverrides } from '../../../detectors/access-log/overrides.js';
import { requesterIdentity, requesterKey } from '../../../detectors/access-log/requester.js';
import { s3AnonymousAccessSucceeded } from '../../../detectors/access-log/s3-anonymous-access-succeeded.js';
import type { AccessLogDetector } from '../../../detectors/access-log/types.js';
import type { DetectorError } from '../../../detectors/engine.js';
import { principalOf } from '../../../detectors/helpers/identity.js';
import { DEFAULT_SETTINGS } from '../../../detectors/types.js';
import type { AccessLogRecord } from '../../../ingest/access-log/types.js';
import { ACCESS_LOG_FIELDS } from '../../../ingest/access-log/types.js';
import { accessLogLine } from '../../fixtures/access-logs/lines.js';
import { LOG_OBJECT, record } from './helpers.js';

const ctx = { settings: { ...DEFAULT_SETTINGS, cloudFrontOnlyBuckets: ['amzn-s3-demo-bucket1'] } };

describe('AccessLogEngine', () => {
  it('reports a detector that throws and still runs the others', () => {
    // Prepare
    const broken: AccessLogDetector = {
      ...s3AnonymousAccessSucceeded,
      id: 'broken',
      match: () => {
        throw new Error('boom');
      },
    };
    const engine = new AccessLogEngine([broken, s3AnonymousAccessSucceeded], ctx);
    const errors: DetectorError[] = [];

    // Act
    const findings = engine.evaluate(
      record(accessLogLine({ requester: '-', requestId: 'REQ1' })),
      { object: LOG_OBJECT, record: 0 },
      (e) => errors.push(e),
    );

    // Assess
    expect(findings.map((f) => f.detector.id)).toEqual(['s3-anonymous-access-succeeded']);
    expect(errors.map((e) => e.message)).toEqual(['detector broken failed on event REQ1: boom']);
  });

  it('hands alerting a Detector that never matches a CloudTrail event', () => {
    const engine = new AccessLogEngine([s3AnonymousAccessSucceeded], ctx);

    const [finding] = engine.evaluate(record(accessLogLine({ requester: '-' })), {
      object: 'local.log',
    });

    expect(finding?.detector).toMatchObject({ id: 's3-anonymous-access-succeeded', listensTo: [] });
    expect(finding?.detector.match(finding.event, ctx)).toBeUndefined();
    // No partitioned key: the account is unknown, never the requester's; region from the endpoint.
    expect(finding?.event.recipientAccountId).toBe('unknown');
    expect(finding?.event.awsRegion).toBe('eu-west-1');
  });

  it('never throws on records with every field absent or odd', () => {
    // Prepare: records a hostile or damaged log could produce, through every built-in detector.
    const base = record(accessLogLine());
    const empty = Object.fromEntries(ACCESS_LOG_FIELDS.map((f) => [f, null]));
    const odd: AccessLogRecord[] = [
      { ...base, ...empty, bucket: 'b', time: base.time, fieldCount: 27, extraFields: [] },
      { ...base, ...empty, bucket: 'b', time: base.time, fieldCount: 18, extraFields: [] },
      { ...base, operation: 'REST..', httpStatus: 999, bytesSent: Number.MAX_SAFE_INTEGER },
      { ...base, requester: 'arn:aws:sts::111122223333:assumed-role/', key: '%E0%A4%A' },
      { ...base, requester: `svc:${'x'.repeat(100_000)}`, tlsVersion: 'TLSv1', cipherSuite: null },
    ];
    const engine = new AccessLogEngine(BUILTIN_ACCESS_LOG_DETECTORS, ctx);

    for (const r of odd) {
      // Act / Assess
      expect(() =>
        engine.evaluate(r, { object: LOG_OBJECT }, (e) => {
          throw e;
        }),
      ).not.toThrow();
    }
  });
});

describe('bucketLocation', () => {
  const r = record(accessLogLine());

  it('takes account and region from a date-based partitioned key naming the bucket', () => {
    expect(bucketLocation(LOG_OBJECT, r)).toEqual({ account: '111122223333', region: 'eu-west-1' });
  });

  it('does not take an account from a key naming another bucket', () => {
    const other = LOG_OBJECT.replace('amzn-s3-demo-bucket1', 'other-bucket');

    expect(bucketLocation(other, r)).toEqual({ region: 'eu-west-1' });
  });
});

describe('requesterIdentity', () => {
  it.each([
    [null, 'account:ANONYMOUS_PRINCIPAL'],
    ['svc:cloudfront.amazonaws.com', 'cloudfront.amazonaws.com'],
    ['arn:aws:iam::111122223333:user/alice', 'arn:aws:iam::111122223333:user/alice'],
    ['arn:aws:iam::111122223333:root', 'arn:aws:iam::111122223333:root'],
    ['a'.repeat(64), `CanonicalUser:${'a'.repeat(64)}`],
    ['something-else', 'Unknown:something-else'],
  ])('shows %s as principal %s', (requester, principal) => {
    expect(
      principalOf({
        eventSource: 's',
        eventName: 'n',
        eventTime: 't',
        userIdentity: requesterIdentity(requester),
      }),
    ).toBe(principal);
  });

  it('groups assumed-role sessions by role, and anonymous requests by address', () => {
    const session = record(accessLogLine());
    const anon = record(accessLogLine({ requester: '-', ip: '203.0.113.1' }));

    expect(requesterKey(session)).toBe('arn:aws:sts::111122223333:assumed-role/app-reader');
    expect(requesterKey(anon)).toBe('anonymous@203.0.113.1');
  });
});

describe('applyAccessLogOverrides', () => {
  it('disables, re-rates and re-thresholds as the config says', () => {
    const [enumeration, transfer] = BUILTIN_ACCESS_LOG_DETECTORS.filter((d) =>
      ['s3-bucket-enumeration', 's3-large-data-transfer'].includes(d.id),
    );
    const tuned = applyAccessLogOverrides(
      BUILTIN_ACCESS_LOG_DETECTORS,
      new Map([
        ['s3-anonymous-access-succeeded', { enabled: false }],
        ['s3-bucket-enumeration', { threshold: { count: 50 } }],
        ['s3-large-data-transfer', { severity: 'low' as const }],
      ]),
    );

    expect(tuned.map((d) => d.id)).not.toContain('s3-anonymous-access-succeeded');
    expect(tuned.find((d) => d.id === 's3-bucket-enumeration')?.threshold).toEqual({
      ...enumeration?.threshold,
      count: 50,
    });
    const lowered = tuned.find((d) => d.id === 's3-large-data-transfer');
    const huge = record(accessLogLine({ requester: '-', bytesSent: 2 ** 33 }));
    expect(transfer?.match(huge, ctx)?.severity).toBe('high');
    expect(lowered?.match(huge, ctx)?.severity).toBe('low');
  });
});
