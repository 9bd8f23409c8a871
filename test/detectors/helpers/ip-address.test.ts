import { describe, expect, it } from 'vitest';
import { formatIp, ipPrefix, isPublicIp, parseIp } from '../../../detectors/helpers/ip-address.js';

describe('Helper: parseIp', () => {
  it('parses IPv4 and rejects out-of-range octets', () => {
    expect(parseIp('203.0.113.7')).toEqual({ family: 4, octets: [203, 0, 113, 7] });
    expect(parseIp('256.1.1.1')).toBeUndefined();
    expect(parseIp('1.2.3')).toBeUndefined();
  });

  it('expands compressed IPv6 and reads an embedded IPv4 tail', () => {
    expect(parseIp('2001:db8::1')).toEqual({
      family: 6,
      groups: [0x2001, 0xdb8, 0, 0, 0, 0, 0, 1],
    });
    expect(parseIp('64:ff9b::192.0.2.33')).toEqual({
      family: 6,
      groups: [0x64, 0xff9b, 0, 0, 0, 0, 0xc000, 0x0221],
    });
  });

  it('returns IPv4-mapped IPv6 as the IPv4 client', () => {
    expect(parseIp('::ffff:198.51.100.4')).toEqual({ family: 4, octets: [198, 51, 100, 4] });
  });

  it.each([
    'AWS Internal',
    'ec2.amazonaws.com',
    '',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '12345::1',
    `${'1:'.repeat(40)}1`,
    42,
    null,
    undefined,
    { ip: '1.2.3.4' },
  ])('returns undefined for %j', (value) => {
    expect(parseIp(value)).toBeUndefined();
  });
});

describe('Helper: isPublicIp', () => {
  it.each([
    '10.1.2.3',
    '172.31.0.9',
    '192.168.0.1',
    '100.100.1.1',
    '127.0.0.1',
    '169.254.169.254',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:10.0.0.1',
  ])('treats %s as not public', (ip) => {
    expect(isPublicIp(ip)).toBe(false);
  });

  it.each(['8.8.8.8', '172.32.0.1', '100.128.0.1', '203.0.113.10', '2600:1f18::1'])(
    'treats %s as public',
    (ip) => {
      expect(isPublicIp(ip)).toBe(true);
    },
  );

  it('is false for service names', () => {
    expect(isPublicIp('AWS Internal')).toBe(false);
    expect(isPublicIp('lambda.amazonaws.com')).toBe(false);
  });
});

describe('Helper: formatIp', () => {
  it('spells equal IPv6 addresses the same way', () => {
    const a = parseIp('2001:DB8::1');
    const b = parseIp('2001:db8:0:0::0:1');
    expect(a && formatIp(a)).toBe(b && formatIp(b));
  });
});

describe('Helper: ipPrefix', () => {
  it('reduces IPv4 to its /24 and IPv6 to its /48', () => {
    expect(ipPrefix('198.51.100.77')).toBe('198.51.100.0/24');
    expect(ipPrefix('2001:db8:4a1f:7::1')).toBe('2001:db8:4a1f::/48');
  });

  it('keeps non-addresses as lower-cased keys and ignores non-strings', () => {
    expect(ipPrefix(' AWS Internal ')).toBe('aws internal');
    expect(ipPrefix('')).toBeUndefined();
    expect(ipPrefix(7)).toBeUndefined();
  });
});
