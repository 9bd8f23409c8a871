import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AwsIpRangesFormatError,
  parseAwsIpRanges,
  publishedAt,
} from '../../../detectors/helpers/aws-ip-ranges-file.js';

const FIXTURE = join(import.meta.dirname, '../../fixtures/aws-ip-ranges/ip-ranges.json');
const text = readFileSync(FIXTURE, 'utf8');
const doc = JSON.parse(text) as Record<string, unknown>;

const parse = (value: unknown) =>
  parseAwsIpRanges(typeof value === 'string' ? value : JSON.stringify(value), 'ip-ranges.json');

function failure(value: unknown): string {
  try {
    parse(value);
  } catch (error) {
    expect(error).toBeInstanceOf(AwsIpRangesFormatError);
    return (error as Error).message;
  }
  throw new Error('expected the file to be refused');
}

describe('parseAwsIpRanges', () => {
  it('reads the file as AWS documents it, keeping its version', () => {
    const ranges = parse(text);

    expect(ranges.version).toEqual({ syncToken: '1764795184', createDate: '2026-12-03-20-53-04' });
    expect(ranges.prefixCount).toEqual({ ipv4: 4, ipv6: 2 });
    expect(ranges.containsAddress('192.0.2.200')).toBe(true);
    expect(ranges.containsAddress('2001:db8:1234:8000::1')).toBe(true);
    expect(ranges.containsAddress('198.51.100.1')).toBe(false);
  });

  it('accepts a byte-order mark, unknown fields and a file without IPv6 prefixes', () => {
    const { ipv6_prefixes: _ipv6, ...ipv4Only } = doc;

    expect(parse(`\ufeff${text}`).prefixCount.ipv6).toBe(2);
    expect(parse({ ...ipv4Only, newField: [1, 2] }).prefixCount).toEqual({ ipv4: 4, ipv6: 0 });
  });

  it.each([
    ['not JSON', '{"syncToken": ', 'not JSON'],
    ['a list', '[]', 'not a JSON object'],
    ['a numeric syncToken', { ...doc, syncToken: 1764795184 }, '"syncToken"'],
    ['a date in another format', { ...doc, createDate: '2026-12-03T20:53:04Z' }, '"createDate"'],
    [
      'prefixes as an object',
      { ...doc, prefixes: { ip_prefix: '192.0.2.0/24' } },
      '"prefixes" must be a list',
    ],
    [
      'an entry without ip_prefix',
      { ...doc, prefixes: [{ ipv6_prefix: '2001:db8::/48' }] },
      'prefixes[0].ip_prefix must be a string',
    ],
    ['an empty file', { ...doc, prefixes: [], ipv6_prefixes: [] }, 'no prefixes'],
    [
      'a prefix covering the internet',
      { ...doc, prefixes: [...(doc.prefixes as unknown[]), { ip_prefix: '0.0.0.0/0' }] },
      'prefixes[4].ip_prefix "0.0.0.0/0" is wider than any AWS prefix',
    ],
    [
      'an IPv4 range in the IPv6 list',
      { ...doc, ipv6_prefixes: [{ ipv6_prefix: '203.0.113.0/24' }] },
      'ipv6_prefixes[0].ipv6_prefix "203.0.113.0/24" is not an IPv6 address',
    ],
  ])('refuses %s, naming the source and the field', (_label, value, expected) => {
    const message = failure(value);

    expect(message).toContain('ip-ranges.json: ');
    expect(message).toContain(expected);
    expect(message).toContain('https://ip-ranges.amazonaws.com/ip-ranges.json');
  });

  it('writes the publication date as an ISO time', () => {
    expect(publishedAt('2026-12-03-20-53-04')).toBe('2026-12-03T20:53:04Z');
  });
});
