import { describe, expect, it } from 'vitest';
import { decodeS3Key } from '../../ingest/s3-key.js';
import { parseS3Notification, type S3NotificationResult } from '../../ingest/s3-notification.js';
import { S3_TEST_EVENT } from './helpers/fixtures.js';

/** One record of an S3 event notification, as S3 documents it (event structure version 2.1). */
function s3Record(
  key: string,
  eventName = 'ObjectCreated:Put',
  extra: Record<string, unknown> = {},
) {
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: 'us-east-1',
    eventTime: '2026-11-20T10:05:00.000Z',
    eventName,
    userIdentity: { principalId: 'AWS:AROAEXAMPLE:regionalDeliverySession' },
    requestParameters: { sourceIPAddress: '203.0.113.5' },
    responseElements: {
      'x-amz-request-id': 'C3D13FE58DE4C810',
      'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD',
    },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'trailwatch',
      bucket: {
        name: 'trail-bucket',
        ownerIdentity: { principalId: 'A3NL1KOZZKExample' },
        arn: 'arn:aws:s3:::trail-bucket',
      },
      object: {
        key,
        size: 2048,
        eTag: 'd41d8cd98f00b204e9800998ecf8427e',
        versionId: '096fKKXTRTtl3on89fVO.nfljtsv6qko',
        sequencer: '0055AED6DCD90281E5',
      },
      ...extra,
    },
  };
}

const KEY =
  'AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20/111122223333_CloudTrail_us-east-1_20261120T1005Z_abc.json.gz';
const body = (value: unknown) => JSON.stringify(value);
const codes = (results: S3NotificationResult[]) =>
  results.map((r) =>
    r.kind === 'error'
      ? `error ${r.error.code}`
      : r.kind === 'skipped'
        ? `skipped ${r.reason}`
        : `object ${r.object.key}`,
  );

describe('parseS3Notification', () => {
  it('returns the object a CloudTrail delivery notification names', () => {
    // Act
    const results = parseS3Notification(body({ Records: [s3Record(KEY)] }));

    // Assess
    expect(results).toEqual([
      {
        kind: 'object',
        record: 0,
        object: {
          bucket: 'trail-bucket',
          key: KEY,
          uri: `s3://trail-bucket/${KEY}`,
          size: 2048,
          eTag: 'd41d8cd98f00b204e9800998ecf8427e',
          versionId: '096fKKXTRTtl3on89fVO.nfljtsv6qko',
          sequencer: '0055AED6DCD90281E5',
          eventName: 'ObjectCreated:Put',
          eventTime: '2026-11-20T10:05:00.000Z',
          region: 'us-east-1',
        },
      },
    ]);
  });

  it('decodes form-URL-encoded keys', () => {
    const results = parseS3Notification(
      body({
        Records: [
          s3Record('logs/a%2Bb+c%25.json.gz'),
          s3Record('%E2%9C%93/caf%C3%A9/%F0%9F%98%80.json.gz'),
        ],
      }),
    );
    expect(codes(results)).toEqual(['object logs/a+b c%.json.gz', 'object ✓/café/😀.json.gz']);
  });

  it('fails only the record with a malformed escape', () => {
    const results = parseS3Notification(
      body({ Records: [s3Record('bad%E0%A4%A.json.gz'), s3Record('lone%.gz'), s3Record(KEY)] }),
    );
    expect(codes(results)).toEqual([
      'error invalid-notification',
      'error invalid-notification',
      `object ${KEY}`,
    ]);
    expect(results[0]?.kind === 'error' && results[0].error.source).toEqual({
      object: 'sqs-message',
      record: 0,
    });
    expect(results[0]?.kind === 'error' && results[0].error.message).toContain(
      'malformed %-escape',
    );
  });

  it('skips the s3:TestEvent so it never reaches a dead-letter queue', () => {
    expect(parseS3Notification(body(S3_TEST_EVENT))).toEqual([
      { kind: 'skipped', reason: 's3-test-event', detail: expect.any(String) },
    ]);
  });

  it('skips ObjectRemoved and other non-create events per record', () => {
    const results = parseS3Notification(
      body({
        Records: [
          s3Record(KEY, 'ObjectRemoved:Delete'),
          s3Record(KEY, 'ObjectCreated:CompleteMultipartUpload'),
          s3Record(KEY, 'LifecycleExpiration:Delete'),
        ],
      }),
    );
    expect(codes(results)).toEqual([
      'skipped not-object-created',
      `object ${KEY}`,
      'skipped not-object-created',
    ]);
  });

  it.each([
    ['not JSON', 'hello'],
    ['an empty object', '{}'],
    ['a JSON string', '"hello"'],
    ['Records that is not an array', '{"Records":{}}'],
  ])('reports a body that is %s as invalid-notification', (_name, text) => {
    const results = parseS3Notification(text, { source: { object: 'sqs:msg-1' } });
    expect(codes(results)).toEqual(['error invalid-notification']);
    expect(results[0]?.kind === 'error' && results[0].error.source).toEqual({
      object: 'sqs:msg-1',
    });
  });

  it.each([
    ['not an object', null],
    ['from another source', { ...s3Record(KEY), eventSource: 'aws:sqs' }],
    ['without a bucket name', s3Record(KEY, 'ObjectCreated:Put', { bucket: {} })],
    ['without a key', s3Record('')],
    ['without an eventName', { ...s3Record(KEY), eventName: undefined }],
  ])('reports a record %s, keeping the others', (_name, bad) => {
    const results = parseS3Notification(body({ Records: [bad, s3Record(KEY)] }));
    expect(codes(results)).toEqual(['error invalid-notification', `object ${KEY}`]);
  });

  it('ignores fields of the wrong type instead of trusting them', () => {
    const record = s3Record(KEY);
    Object.assign(record.s3.object, { size: '2048', eTag: 42, versionId: null });
    const [result] = parseS3Notification(body({ Records: [record] }));
    expect(result?.kind === 'object' && result.object).not.toHaveProperty('size');
    expect(result?.kind === 'object' && result.object).not.toHaveProperty('eTag');
    expect(result?.kind === 'object' && result.object).not.toHaveProperty('versionId');
  });

  it('reads an S3 "Object Created" event delivered by EventBridge', () => {
    // Prepare: the shape the S3 user guide documents for EventBridge.
    const event = {
      version: '0',
      id: '17793124-05d4-b198-2fde-7ededc63b103',
      'detail-type': 'Object Created',
      source: 'aws.s3',
      account: '111122223333',
      time: '2026-11-20T10:05:00Z',
      region: 'us-east-1',
      resources: ['arn:aws:s3:::trail-bucket'],
      detail: {
        version: '0',
        bucket: { name: 'trail-bucket' },
        object: {
          key: KEY,
          size: 5,
          etag: 'b1946ac92492d2347c6235b4d2611184',
          'version-id': 'IYV3p45BT0ac8hjHg1houSdS1a.Mro8e',
          sequencer: '617f08299329d189',
        },
        'request-id': 'N4N7GDK58NMKJ12R',
        requester: '123456789012',
        reason: 'PutObject',
      },
    };

    // Act
    const [result] = parseS3Notification(body(event));

    // Assess
    expect(result).toMatchObject({
      kind: 'object',
      object: {
        bucket: 'trail-bucket',
        key: KEY,
        size: 5,
        eTag: 'b1946ac92492d2347c6235b4d2611184',
        versionId: 'IYV3p45BT0ac8hjHg1houSdS1a.Mro8e',
        eventName: 'Object Created',
      },
    });
    expect(codes(parseS3Notification(body({ ...event, 'detail-type': 'Object Deleted' })))).toEqual(
      ['skipped not-object-created'],
    );
  });

  it('reports an SNS-wrapped notification unless unwrapping is asked for', () => {
    const wrapped = body({
      Type: 'Notification',
      MessageId: 'm',
      Message: body({ Records: [s3Record(KEY)] }),
    });
    expect(codes(parseS3Notification(wrapped))).toEqual(['error invalid-notification']);
    expect(codes(parseS3Notification(wrapped, { unwrapSns: true }))).toEqual([`object ${KEY}`]);
  });
});

describe('decodeS3Key', () => {
  it.each([
    ['a%2Bb+c%25.json.gz', 'a+b c%.json.gz'],
    ['red+flower.jpg', 'red flower.jpg'],
    ['test%2F10%3A47%3A07.log', 'test/10:47:07.log'],
    ['%E2%9C%93', '✓'],
    ['plain/key.json.gz', 'plain/key.json.gz'],
  ])('decodes %s to %s', (encoded, decoded) => {
    expect(decodeS3Key(encoded)).toBe(decoded);
  });

  it.each(['bad%E0%A4%A.json.gz', '%', '100%.gz', '%ZZ', '%C3'])(
    'returns undefined for the malformed %s',
    (encoded) => {
      expect(decodeS3Key(encoded)).toBeUndefined();
    },
  );
});
