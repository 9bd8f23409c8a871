import { describe, expect, it } from 'vitest';
import { ParamError } from '../../runbooks/errors.js';
import {
  isoSeconds,
  MAX_WINDOW_DAYS,
  normalizeParam,
  resolveWindow,
  tryNormalizeParam,
} from '../../runbooks/params.js';

const HOSTILE = [
  "x' OR '1'='1",
  "'; DROP TABLE cloudtrail_logs; --",
  '$(id)',
  '`id`',
  'a\nb',
  'acme-prod-data; rm -rf /',
  'ａｃｍｅ', // full-width letters
  '',
];

describe('normalizeParam', () => {
  it.each([
    ['principal', 'arn:aws:iam::111122223333:user/ci-deployer'],
    ['principal', 'arn:aws:sts::111122223333:assumed-role/Admin/alice@example.com'],
    ['principal', 'arn:aws:iam::111122223333:root'],
    ['principal', 'arn:aws-us-gov:iam::111122223333:role/path/to/Role'],
    ['accessKeyId', 'AKIAIOSFODNN7EXAMPLE'],
    ['sourceIp', '203.0.113.50'],
    ['sourceIp', '2001:db8::1'],
    ['sourceIp', 'lambda.amazonaws.com'],
    ['bucket', 'acme-prod-data'],
    ['bucket', 'Legacy_Bucket.Name'],
    ['account', '111122223333'],
    ['region', 'us-gov-west-1'],
    ['functionName', 'billing-export'],
  ])('accepts a valid %s', (name, value) => {
    expect(normalizeParam(name, value)).toBe(value);
  });

  it.each(['principal', 'accessKeyId', 'sourceIp', 'bucket', 'functionName', 'account', 'region'])(
    'refuses hostile values for %s',
    (name) => {
      for (const value of HOSTILE) {
        expect(() => normalizeParam(name, value), `${name}=${JSON.stringify(value)}`).toThrow(
          ParamError,
        );
      }
    },
  );

  it('refuses near misses', () => {
    expect(() => normalizeParam('sourceIp', '203.0.113.256')).toThrow(ParamError);
    expect(() => normalizeParam('account', '11112222333')).toThrow(ParamError);
    expect(() => normalizeParam('principal', 'arn:aws:s3:::bucket')).toThrow(ParamError);
    expect(() => normalizeParam('accessKeyId', 'akiaiosfodnn7example')).toThrow(ParamError);
  });

  it('reduces a Lambda function ARN to its name', () => {
    expect(
      normalizeParam(
        'functionName',
        'arn:aws:lambda:us-east-1:111122223333:function:billing-export:prod',
      ),
    ).toBe('billing-export');
  });

  it('names unknown parameters and lists the known ones', () => {
    expect(() => normalizeParam('user', 'x')).toThrow(
      /unknown parameter "user"; known parameters: principal/,
    );
  });

  it('returns undefined instead of throwing for odd alert fields', () => {
    expect(tryNormalizeParam('bucket', 42)).toBeUndefined();
    expect(tryNormalizeParam('bucket', null)).toBeUndefined();
    expect(tryNormalizeParam('bucket', 'a'.repeat(10_000))).toBeUndefined();
  });
});

describe('isoSeconds', () => {
  it('normalises to CloudTrail eventTime shape in UTC', () => {
    expect(isoSeconds('2024-05-14T09:00:05.999Z')).toBe('2024-05-14T09:00:05Z');
    expect(isoSeconds('2024-05-14T11:00+02:00')).toBe('2024-05-14T09:00:00Z');
    expect(isoSeconds('2024-05-14T11:00:00+0200')).toBe('2024-05-14T09:00:00Z');
    expect(isoSeconds('2024-05-14')).toBe('2024-05-14T00:00:00Z');
  });

  it('refuses times without a zone and impossible dates', () => {
    expect(isoSeconds('2024-05-14T09:00:00')).toBeUndefined();
    expect(isoSeconds('2024-02-31T00:00:00Z')).toBeUndefined();
    expect(isoSeconds('yesterday')).toBeUndefined();
  });
});

describe('resolveWindow', () => {
  it('derives partition days, reaching one day past the end for late deliveries', () => {
    expect(resolveWindow('2024-05-14T08:00:00Z', '2024-05-14T23:59:59Z')).toEqual({
      start: '2024-05-14T08:00:00Z',
      end: '2024-05-14T23:59:59Z',
      dayFrom: '2024/05/14',
      dayTo: '2024/05/15',
    });
  });

  it('refuses a reversed or too long window', () => {
    expect(() => resolveWindow('2024-05-15T00:00:00Z', '2024-05-14T00:00:00Z')).toThrow(
      /before start/,
    );
    const end = new Date(Date.parse('2024-01-01T00:00:00Z') + (MAX_WINDOW_DAYS + 1) * 86_400_000);
    expect(() => resolveWindow('2024-01-01T00:00:00Z', end.toISOString())).toThrow(/longer than/);
  });
});
