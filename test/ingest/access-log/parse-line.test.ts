import { describe, expect, it } from 'vitest';
import { parseAccessLogLine } from '../../../ingest/access-log/parse-line.js';
import { hasField } from '../../../ingest/access-log/types.js';
import {
  AWS_DOC_LINES_2019,
  AWS_DOC_LINES_CURRENT,
  accessLogLine,
  OWNER,
} from '../../fixtures/access-logs/lines.js';

function parsed(line: string) {
  const result = parseAccessLogLine(line);
  if (!result.ok) throw new Error(`expected a record, got: ${result.reason}`);
  return result.record;
}

function reason(line: string): string {
  const result = parseAccessLogLine(line);
  if (result.ok) throw new Error('expected the line to be refused');
  return result.reason;
}

describe('parseAccessLogLine', () => {
  it('reads every field of the current AWS documentation example', () => {
    // Act
    const record = parsed(AWS_DOC_LINES_CURRENT[0]);

    // Assess
    expect(record).toEqual({
      bucketOwner: OWNER,
      bucket: 'amzn-s3-demo-bucket1',
      time: '2019-02-06T00:00:38.000Z',
      remoteIp: '192.0.2.3',
      requester: OWNER,
      requestId: '3E57427F3EXAMPLE',
      operation: 'REST.GET.VERSIONING',
      key: null,
      requestUri: 'GET /amzn-s3-demo-bucket1?versioning HTTP/1.1',
      httpStatus: 200,
      errorCode: null,
      bytesSent: 113,
      objectSize: null,
      totalTime: 7,
      turnAroundTime: null,
      referer: null,
      userAgent: 'S3Console/0.4',
      versionId: null,
      hostId: 's9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234=',
      signatureVersion: 'SigV4',
      cipherSuite: 'ECDHE-RSA-AES128-GCM-SHA256',
      authenticationType: 'AuthHeader',
      hostHeader: 'amzn-s3-demo-bucket1.s3.us-west-1.amazonaws.com',
      tlsVersion: 'TLSV1.2',
      accessPointArn: 'arn:aws:s3:us-west-1:123456789012:accesspoint/example-AP',
      aclRequired: 'Yes',
      sourceRegion: 'us-east-1',
      fieldCount: 27,
      extraFields: [],
    });
  });

  it('reads every line of the 2019 example, where the line ends after TLS version', () => {
    const records = AWS_DOC_LINES_2019.map(parsed);

    expect(records.map((r) => [r.operation, r.httpStatus, r.errorCode])).toEqual([
      ['REST.GET.VERSIONING', 200, null],
      ['REST.GET.LOGGING_STATUS', 200, null],
      ['REST.GET.BUCKETPOLICY', 404, 'NoSuchBucketPolicy'],
      ['REST.GET.VERSIONING', 200, null],
      ['REST.PUT.OBJECT', 200, null],
    ]);
    const put = records[4];
    expect(put).toMatchObject({ key: 's3-dg.pdf', bytesSent: null, objectSize: 4406583 });
    expect(put?.tlsVersion).toBe('TLSV1.1');
    // Fields the 2019 line is too old to carry are absent, and known to be absent.
    expect(put?.accessPointArn).toBeNull();
    expect(put && hasField(put, 'tlsVersion')).toBe(true);
    expect(put && hasField(put, 'accessPointArn')).toBe(false);
  });

  it('keeps fields S3 appends after the 27 it knows', () => {
    const record = parsed(`${AWS_DOC_LINES_CURRENT[1]} new-field-1 "new two"`);

    expect(record.sourceRegion).toBe('us-east-1');
    // Unknown fields are read as plain space-separated tokens: no quoting is assumed.
    expect(record.extraFields).toEqual(['new-field-1', '"new', 'two"']);
    expect(record.fieldCount).toBe(27);
  });

  it('reads an older 18-field line and marks the later fields as never written', () => {
    const short = AWS_DOC_LINES_2019[0].split(' ').slice(0, 21).join(' ');
    const record = parsed(short);

    expect(record.versionId).toBeNull();
    expect(record.fieldCount).toBe(18);
    expect(hasField(record, 'cipherSuite')).toBe(false);
  });

  it('treats "-" in every field, quoted or not, as absent', () => {
    const record = parsed(
      accessLogLine({ requester: '-', operation: 'REST.GET.BUCKET', status: 403 }).replace(
        '"GET /amzn-s3-demo-bucket1 HTTP/1.1"',
        '-',
      ),
    );

    expect(record.requester).toBeNull();
    expect(record.requestUri).toBeNull();
    expect(record.key).toBeNull();
    expect(record.signatureVersion).toBeNull();
    expect(record.authenticationType).toBeNull();
  });

  it('converts a non-UTC offset to UTC and tolerates CRLF line ends', () => {
    const line = `${accessLogLine({ time: '14/May/2024:11:05:12' }).replace('+0000', '+0200')}\r`;

    const record = parsed(line);

    expect(record.time).toBe('2024-05-14T09:05:12.000Z');
    expect(record.sourceRegion).toBeNull();
  });

  it('keeps spaces, brackets and backslashes inside quoted fields as logged', () => {
    // S3 escapes nothing in quoted fields: a backslash is the client's own.
    const agent = 'Mozilla/5.0 (X11; Linux) [scanner] say \\"hi\\" \\\\o/';

    const record = parsed(accessLogLine({ userAgent: agent }));

    expect(record.userAgent).toBe(agent);
    expect(record.tlsVersion).toBe('TLSv1.3');
  });
});

describe('parseAccessLogLine on hostile and broken lines', () => {
  it.each([
    ['an empty line', '', /0 fields/],
    ['a JSON record', '{"eventVersion":"1.08","eventSource":"s3.amazonaws.com"}', /fields/],
    ['a line cut after the user agent', AWS_DOC_LINES_2019[0].split(' "S3')[0] as string, /fields/],
    ['an unclosed time bracket', `${OWNER} b [06/Feb/2019:00:00:38 +0000 192.0.2.3`, /closing \]/],
    [
      'an unclosed user agent',
      accessLogLine().replace(/"aws-sdk-java[^"]*"/, '"curl/8.0 -'),
      /closing quote/,
    ],
    ['a time that does not exist', accessLogLine({ time: '31/Feb/2024:09:05:12' }), /time/],
    ['an hour of 24', accessLogLine({ time: '14/May/2024:24:00:00' }), /time/],
    ['a month in the wrong case', accessLogLine({ time: '14/MAY/2024:09:05:12' }), /time/],
    ['a status that is not a number', accessLogLine().replace(' 200 - ', ' OK - '), /httpStatus/],
    ['a negative byte count', accessLogLine({ bytesSent: -5 }), /bytesSent/],
    ['an absent bucket', accessLogLine().replace(' amzn-s3-demo-bucket1 [', ' - ['), /bucket/],
  ])('refuses %s', (_name, line, expected) => {
    expect(reason(line)).toMatch(expected);
  });

  it('refuses a line whose fields after the user agent are not of the shapes S3 writes', () => {
    const line = accessLogLine({ signatureVersion: 'Basic' });

    expect(reason(line)).toMatch(/field 20 \(signatureVersion\)/);
  });

  it('does not take a [ or " outside the time and quoted fields as a delimiter', () => {
    // The request line is as sent (URL-encoded); the key field is not quoted.
    const line = accessLogLine({ key: '"[weird].txt' }).replace(
      '/"[weird].txt HTTP',
      '/%22%5Bweird%5D.txt HTTP',
    );

    const record = parsed(line);

    expect(record.key).toBe('"[weird].txt');
    expect(record.requestUri).toBe('GET /amzn-s3-demo-bucket1/%22%5Bweird%5D.txt HTTP/1.1');
  });

  it('keeps control characters and huge values as inert data', () => {
    const agent = `\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007${'A'.repeat(100_000)}`;

    const record = parsed(accessLogLine({ userAgent: agent }));

    expect(record.userAgent).toBe(agent);
  });

  it('bounds the fields it keeps from a line of endless extra fields', () => {
    const record = parsed(`${AWS_DOC_LINES_CURRENT[0]}${' x'.repeat(10_000)}`);

    expect(record.extraFields.length).toBeLessThan(64);
  });
});
