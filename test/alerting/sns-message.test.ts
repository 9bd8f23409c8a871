import { describe, expect, it } from 'vitest';
import type { Alert } from '../../alerting/alert.js';
import {
  buildSnsMessage,
  emailBody,
  fallbackSnsMessage,
  requestBytes,
  SNS_MAX_MESSAGE_BYTES,
  subjectFor,
} from '../../alerting/sns-message.js';
import { alertFixture, HOSTILE } from './fixtures.js';

/** What a machine subscriber (SQS, Lambda, HTTPS) receives, parsed. */
function machineBody(message: { Message: string }): Alert {
  const structure = JSON.parse(message.Message) as { default: string };
  return JSON.parse(structure.default) as Alert;
}

function emailOf(message: { Message: string }): string {
  return (JSON.parse(message.Message) as { email: string }).email;
}

describe('buildSnsMessage', () => {
  it('sends the Alert JSON by default and a text brief to email, with filter attributes', () => {
    // Prepare
    const alert = alertFixture();

    // Act
    const message = buildSnsMessage(alert);

    // Assess
    expect(message.MessageStructure).toBe('json');
    expect(Object.keys(JSON.parse(message.Message))).toEqual(['default', 'email']);
    expect(machineBody(message)).toEqual(alert);
    expect(emailOf(message)).toContain('What happened: arn:aws:iam::111122223333:user/alice');
    expect(message.MessageAttributes).toEqual({
      severity: { DataType: 'String', StringValue: 'high' },
      detector: { DataType: 'String', StringValue: 'test-bucket-policy-changed' },
    });
    expect(message.Subject).toBe('[HIGH] Test: bucket policy changed - 111122223333');
  });

  it('keeps the severity when a field carries a JSON injection', () => {
    const alert = alertFixture({
      summary: HOSTILE.injection,
      principal: HOSTILE.injection,
      severity: 'critical',
    });

    const body = machineBody(buildSnsMessage(alert));

    expect(body.severity).toBe('critical');
    expect(body.summary).toBe(HOSTILE.injection);
    expect(Object.keys(body)).toEqual(Object.keys(alert));
  });

  it('writes no raw U+2028/9 or bidi override into the message, yet keeps the data', () => {
    const alert = alertFixture({ summary: `${HOSTILE.separators} ${HOSTILE.bidi}` });

    const message = buildSnsMessage(alert);

    expect(message.Message).not.toMatch(/[\u2028\u2029\u202e]/);
    expect(machineBody(message).summary).toBe(alert.summary);
  });

  it('cuts evidence, never the alert, to stay under the SNS limit', () => {
    // Prepare: a 64 KB user agent in every free-text field, 20 huge resources
    const huge = HOSTILE.userAgent64k;
    const alert = alertFixture({
      summary: huge,
      principal: huge,
      sourceIp: huge,
      resources: Array.from({ length: 20 }, (_, i) => `${i}${huge}`),
      eventIds: Array.from({ length: 50 }, (_, i) => `${i}-${huge.slice(0, 2000)}`),
      count: 1_000_000,
    });

    // Act
    const message = buildSnsMessage(alert);

    // Assess
    expect(requestBytes(message)).toBeLessThanOrEqual(240_000);
    expect(Buffer.byteLength(message.Message)).toBeLessThan(SNS_MAX_MESSAGE_BYTES);
    const body = machineBody(message);
    expect(body).toMatchObject({
      id: alert.id,
      count: 1_000_000,
      severity: 'high',
      truncated: true,
    });
    expect(body.summary).toMatch(/…\[\+\d+ chars\]$/);
    expect(body.resources.length).toBeGreaterThan(0);
    expect(emailOf(message)).toContain('Evidence was shortened');
  });

  it('measures bytes after escaping: control characters that expand sevenfold still fit', () => {
    const alert = alertFixture({
      summary: '\u0001'.repeat(200_000),
      principal: '日'.repeat(80_000),
    });

    const message = buildSnsMessage(alert);

    expect(requestBytes(message)).toBeLessThanOrEqual(240_000);
    expect(machineBody(message).truncated).toBe(true);
  });

  it('does not mark an alert that fits as truncated', () => {
    expect(machineBody(buildSnsMessage(alertFixture())).truncated).toBeUndefined();
  });

  it('honours a smaller budget', () => {
    const alert = alertFixture({ summary: 'x'.repeat(5000) });

    const message = buildSnsMessage(alert, 4000);

    expect(requestBytes(message)).toBeLessThanOrEqual(4000);
  });
});

describe('subjectFor', () => {
  it('builds a valid Subject from trusted parts, leaving out an account that is not an id', () => {
    const subject = subjectFor(
      alertFixture({ account: `1\n${HOSTILE.ansi}`, title: `Bucket ${HOSTILE.bidi}`.repeat(10) }),
    );

    expect(subject).toMatch(/^\[HIGH\] Bucket invoicegpj\.exe/);
    expect(subject).toMatch(/^[\x21-\x7e][\x20-\x7e]*$/);
    expect(subject.length).toBeLessThan(100);
    expect(subject).not.toContain('RED');
  });
});

describe('emailBody', () => {
  it('answers what, who, where, how bad, and what to run first', () => {
    const body = emailBody(alertFixture());

    expect(body).toContain('HIGH alert: Test: bucket policy changed');
    expect(body).toContain('Who:           arn:aws:iam::111122223333:user/alice from 203.0.113.10');
    expect(body).toContain('Where:         account 111122223333, region eu-west-1');
    expect(body).toContain(
      'How bad:       high; 3 events from 2026-11-20T10:00:00.000Z to 2026-11-20T10:59:00.000Z',
    );
    expect(body).toContain(
      'Runbook:       S3 bucket or object exposed publicly: https://github.com/trailwatch/trailwatch/blob/main/docs/runbooks/s3-public-exposure.md',
    );
    expect(body).toContain('Run first:     trailwatch investigate s3-public-exposure');
  });

  it('prefers the first ready-made investigation command', () => {
    const body = emailBody(
      alertFixture({
        investigate: [
          { query: 'who-else', params: { principal: 'alice' }, command: "trailwatch q 'alice'" },
        ],
      }),
    );

    expect(body).toContain("Run first:     trailwatch q 'alice'");
  });

  it('lets no field add a line, escape sequence or bidi override', () => {
    const alert = alertFixture({
      summary: `${HOSTILE.fakeLogLine}\nHow bad:       info`,
      principal: HOSTILE.osc8,
      resources: [HOSTILE.bidi, HOSTILE.ansi],
    });

    const body = emailBody(alert);

    expect(body.split('\n').filter((l) => l.startsWith('How bad:'))).toHaveLength(1);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
    expect(body).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
  });
});

describe('fallbackSnsMessage', () => {
  it('is ASCII-only, parseable, short and still identifies the alert', () => {
    const alert = alertFixture({ summary: HOSTILE.userAgent64k + HOSTILE.bidi, title: 'Tïtle\n' });

    const message = fallbackSnsMessage(alert);

    expect(message.MessageStructure).toBeUndefined();
    expect(message.Subject).toBe('trailwatch high alert');
    expect(message.Message).toMatch(/^[\x20-\x7e]+$/);
    expect(Buffer.byteLength(message.Message)).toBeLessThan(4096);
    const body = JSON.parse(message.Message) as Alert;
    expect(body).toMatchObject({ id: alert.id, severity: 'high', count: 3, truncated: true });
    expect(message.MessageAttributes.detector?.StringValue).toBe('test-bucket-policy-changed');
  });
});
