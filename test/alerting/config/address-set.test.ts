import { describe, expect, it } from 'vitest';
import { compileAddressSet, parseAddressOrCidr } from '../../../alerting/config/address-set.js';

describe('parseAddressOrCidr', () => {
  it('accepts addresses and ranges of both families', () => {
    expect(parseAddressOrCidr('203.0.113.7')).toEqual({ address: '203.0.113.7', family: 'ipv4' });
    expect(parseAddressOrCidr('10.0.0.0/8')).toEqual({
      address: '10.0.0.0',
      family: 'ipv4',
      prefix: 8,
    });
    expect(parseAddressOrCidr('2001:db8::/32')?.family).toBe('ipv6');
  });

  it('rejects what is not an address or range', () => {
    for (const bad of [
      '10.0.0.0/33',
      '2001:db8::/129',
      '10.0.0.0/',
      '10.0.0.0/-1',
      '10.0.0/8',
      'ec2.amazonaws.com',
      'fe80::1%eth0',
      '10.0.0.0/8/8',
      '',
    ]) {
      expect(parseAddressOrCidr(bad), bad).toBeUndefined();
    }
  });
});

describe('compileAddressSet', () => {
  const inSet = compileAddressSet(['198.51.100.0/24', '203.0.113.7', '2001:db8:1::/48']);

  it('matches addresses inside IPv4 ranges and single addresses', () => {
    expect(inSet('198.51.100.200')).toBe(true);
    expect(inSet('198.51.101.1')).toBe(false);
    expect(inSet('203.0.113.7')).toBe(true);
    expect(inSet('203.0.113.8')).toBe(false);
  });

  it('matches IPv6 ranges whatever the notation', () => {
    expect(inSet('2001:db8:1::42')).toBe(true);
    expect(inSet('2001:DB8:0001:0000::1')).toBe(true);
    expect(inSet('2001:db8:2::1')).toBe(false);
  });

  it('matches the IPv4-mapped IPv6 form of an IPv4 range', () => {
    expect(inSet('::ffff:198.51.100.9')).toBe(true);
  });

  it('never matches service names and junk CloudTrail puts in sourceIPAddress', () => {
    for (const value of [
      'AWS Internal',
      'ec2.amazonaws.com',
      '',
      ' 203.0.113.7',
      'x'.repeat(100_000),
    ]) {
      expect(inSet(value)).toBe(false);
    }
  });
});
