import { describe, expect, it } from 'vitest';
import { parseAccessLogLine } from '../../../ingest/access-log/parse-line.js';
import { tokenizeAccessLogLine } from '../../../ingest/access-log/tokenize.js';
import { AWS_DOC_LINES_CURRENT, accessLogLine } from '../../fixtures/access-logs/lines.js';

// S3 writes Referer and User-Agent between double quotes and does not escape a
// quote inside them (LogFormat.html; lines like `"...Safari/604.1""` occur in real
// logs). Whatever a client sends there, every other field must stay in place.

function parsed(line: string) {
  const result = parseAccessLogLine(line);
  if (!result.ok) throw new Error(`expected a record, got: ${result.reason}`);
  return result.record;
}

/** An anonymous download of one object, as S3 logs it, with the given user agent. */
function anonymousDownload(userAgent: string): string {
  return accessLogLine({ requester: '-', ip: '203.0.113.50', bytesSent: 7340032, userAgent });
}

/** `line` up to and including the closing quote of `userAgent`: later fields dropped. */
function cutAfterUserAgent(line: string, userAgent: string): string {
  const quoted = `"${userAgent}"`;
  return line.slice(0, line.lastIndexOf(quoted) + quoted.length);
}

/** The fields no client controls, which detection relies on. */
function fixedFields(line: string) {
  const r = parsed(line);
  return [r.remoteIp, r.requester, r.operation, r.key, r.httpStatus, r.bytesSent, r.objectSize];
}

const DOWNLOAD = ['203.0.113.50', null, 'REST.GET.OBJECT', 'reports/2024/q1.csv', 200, 7340032];

describe('tokenizeAccessLogLine with unescaped quotes in the user agent', () => {
  it.each([
    ['a quoted word', 'Mozilla/5.0 "compatible" scanner'],
    ['a lone quote', 'curl/8.5.0 "'],
    ['a doubled quote at the end', 'Mozilla/5.0 (iPad) Safari/604.1"'],
    ['a quote, space, quote', 'evil" "agent'],
    ['nothing but a quote, space, quote', '" "'],
    ['a trailing space after a quote', 'agent" '],
    ['a fake next field', 'agent" -'],
  ])('keeps every field in place with %s', (_name, userAgent) => {
    const record = parsed(anonymousDownload(userAgent));

    expect(record.userAgent).toBe(userAgent);
    expect(record.referer).toBeNull();
    expect(fixedFields(anonymousDownload(userAgent))).toEqual([...DOWNLOAD, 5120]);
    expect(record).toMatchObject({
      versionId: null,
      signatureVersion: null,
      cipherSuite: 'TLS_AES_128_GCM_SHA256',
      authenticationType: null,
      hostHeader: 'amzn-s3-demo-bucket1.s3.eu-west-1.amazonaws.com',
      tlsVersion: 'TLSv1.3',
      fieldCount: 27,
      extraFields: [],
    });
  });

  it('ignores a user agent that imitates the fields S3 writes after it', () => {
    // The client claims a signed request over TLS 1.2 with a source Region; S3's own
    // fields (anonymous: no signature, no auth type) come after the real closing quote.
    const fakeTail =
      '- c2lnbmVkCg== SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader ' +
      'amzn-s3-demo-bucket1.s3.us-west-1.amazonaws.com TLSv1.2 ' +
      'arn:aws:s3:us-west-1:123456789012:accesspoint/example-AP Yes us-east-1';
    const userAgent = `aws-cli/2.15.0" ${fakeTail}`;

    const record = parsed(anonymousDownload(userAgent));

    expect(record.userAgent).toBe(userAgent);
    expect(record).toMatchObject({
      requester: null,
      signatureVersion: null,
      authenticationType: null,
      tlsVersion: 'TLSv1.3',
      accessPointArn: null,
      aclRequired: null,
      sourceRegion: null,
      extraFields: [],
    });
  });

  it('ignores a user agent that imitates the fields and a quoted field appended after them', () => {
    const userAgent =
      'x" - AAAA SigV4 ECDHE-RSA-AES128-SHA AuthHeader h.example TLSv1.2 - - us-east-1 "new"';

    const record = parsed(anonymousDownload(userAgent));

    expect(record.userAgent).toBe(userAgent);
    expect(record.signatureVersion).toBeNull();
    expect(record.extraFields).toEqual([]);
  });
});

describe('tokenizeAccessLogLine with unescaped quotes in the referer', () => {
  it('keeps a referer with quotes but no quote-space-quote whole', () => {
    const line = anonymousDownload('curl/8.5.0').replace(
      '"-" "curl',
      '"https://www.example.com/?q="report"" "curl',
    );

    const record = parsed(line);

    expect(record.referer).toBe('https://www.example.com/?q="report"');
    expect(record.userAgent).toBe('curl/8.5.0');
    expect(fixedFields(line)).toEqual([...DOWNLOAD, 5120]);
  });

  it('splits referer and user agent at their first quote-space-quote and loses no text', () => {
    // Either split would be consistent with the line; a real referer is a URL, which
    // holds no raw quote, so the extra quote-space-quote goes to the user agent.
    const line = anonymousDownload('b" "c').replace('"-" "b', '"https://a.example/" "b');

    const record = parsed(line);

    expect(record.referer).toBe('https://a.example/');
    expect(record.userAgent).toBe('b" "c');
    expect(fixedFields(line)).toEqual([...DOWNLOAD, 5120]);
    expect(record.tlsVersion).toBe('TLSv1.3');
  });

  it('reads a referer written as a bare -', () => {
    const line = anonymousDownload('say "hi"').replace('"-" "say', '- "say');

    const record = parsed(line);

    expect([record.referer, record.userAgent, record.tlsVersion]).toEqual([
      null,
      'say "hi"',
      'TLSv1.3',
    ]);
  });
});

describe('tokenizeAccessLogLine with fewer or more fields after the user agent', () => {
  const agent = 'Mozilla/5.0 "x" " - SigV4';

  it('reads a 24-field line (ends after TLS version)', () => {
    const line = anonymousDownload(agent).replace(/ - - -$/, '');

    const record = parsed(line);

    expect(record.userAgent).toBe(agent);
    expect(record.tlsVersion).toBe('TLSv1.3');
    expect(record.fieldCount).toBe(24);
    expect(fixedFields(line)).toEqual([...DOWNLOAD, 5120]);
  });

  it('reads an 18-field line (ends after version id)', () => {
    const line = `${cutAfterUserAgent(anonymousDownload(agent), agent)} -`;

    const record = parsed(line);

    expect(record.userAgent).toBe(agent);
    expect(record.fieldCount).toBe(18);
    expect(fixedFields(line)).toEqual([...DOWNLOAD, 5120]);
  });

  it('reports a line that stops after the user agent by its field count', () => {
    const result = parseAccessLogLine(cutAfterUserAgent(anonymousDownload(agent), agent));

    expect(result).toEqual({
      ok: false,
      reason: '17 fields, expected at least 18 (bucket owner through version id)',
    });
  });

  it('keeps fields appended after the 27 known ones, quoted or not', () => {
    const line = `${anonymousDownload(agent)} new-field "new two" "x" "y"`;

    const record = parsed(line);

    expect(record.userAgent).toBe(agent);
    expect(record.sourceRegion).toBeNull();
    expect(record.extraFields).toEqual(['new-field', '"new', 'two"', '"x"', '"y"']);
  });

  it('reads the AWS documentation example with a quote-laden user agent', () => {
    const line = AWS_DOC_LINES_CURRENT[0].replace('"S3Console/0.4"', `"${agent}"`);

    expect(parsed(line)).toMatchObject({
      userAgent: agent,
      signatureVersion: 'SigV4',
      authenticationType: 'AuthHeader',
      accessPointArn: 'arn:aws:s3:us-west-1:123456789012:accesspoint/example-AP',
      aclRequired: 'Yes',
      sourceRegion: 'us-east-1',
    });
  });
});

describe('tokenizeAccessLogLine on the request URI', () => {
  it.each([
    ['GET /amzn-s3-demo-bucket1/a"b HTTP/1.1'],
    ['GET /amzn-s3-demo-bucket1/a" HTTP/1.1'],
    ['GET /amzn-s3-demo-bucket1/a" 200 - x HTTP/1.1'],
  ])('closes %s on the status and sizes that follow it', (uri) => {
    const line = anonymousDownload('curl/8.5.0').replace(
      '"GET /amzn-s3-demo-bucket1/reports/2024/q1.csv HTTP/1.1"',
      `"${uri}"`,
    );

    const record = parsed(line);

    expect(record.requestUri).toBe(uri);
    expect(fixedFields(line)).toEqual([...DOWNLOAD, 5120]);
    expect(record.userAgent).toBe('curl/8.5.0');
  });
});

describe('tokenizeAccessLogLine on hostile lines', () => {
  // Each of these is quadratic for a tokenizer that re-scans the line from every
  // quote; linear reading finishes them at once.
  it('reads a user agent of 50,000 quote-space pairs', () => {
    const userAgent = '" '.repeat(50_000);

    const record = parsed(anonymousDownload(userAgent));

    expect(record.userAgent).toBe(userAgent);
    expect(record.tlsVersion).toBe('TLSv1.3');
  });

  it('reads a user agent of 20,000 imitations of the fields after it', () => {
    const userAgent = 'x" - AAAA SigV4 C AuthHeader h TLSv1.2 - - us-east-1 '.repeat(20_000);

    const record = parsed(anonymousDownload(userAgent));

    expect(record.userAgent).toBe(userAgent);
    expect(record.signatureVersion).toBeNull();
  });

  it('reads a request URI of 20,000 imitations of the fields after it', () => {
    const uri = `GET /b/${'k" 200 - 1 2 3 '.repeat(20_000)}HTTP/1.1`;
    const line = anonymousDownload('curl/8.5.0').replace(
      '"GET /amzn-s3-demo-bucket1/reports/2024/q1.csv HTTP/1.1"',
      `"${uri}"`,
    );

    const result = tokenizeAccessLogLine(line);

    expect(result.ok && result.fields[8]).toBe(uri);
  });
});
