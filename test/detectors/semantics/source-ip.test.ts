import { describe, expect, it } from 'vitest';
import {
  addressInCidr,
  outsiderCanBeIn,
  outsiderCanBeOutside,
} from '../../../detectors/semantics/source-ip.js';

describe('aws:SourceIp: what an outsider can reach', () => {
  it('sees the internet in every spelling of it', () => {
    for (const cidrs of [
      ['0.0.0.0/0'],
      ['0.0.0.0/1', '128.0.0.0/1'],
      ['::/0'],
      ['0000:0000:0000:0000:0000:0000:0000:0000/0'],
      ['2000::/3'],
      ['::ffff:0:0/96'],
      ['0.0.0.0/2', '64.0.0.0/2', '128.0.0.0/2', '192.0.0.0/2'],
      ['3.0.0.0/8'],
    ]) {
      expect(outsiderCanBeIn(cidrs), cidrs.join(' ')).toBe(true);
    }
  });

  it('does not count private ranges, office ranges or junk', () => {
    for (const cidrs of [
      ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'],
      ['203.0.113.0/24'],
      ['::ffff:10.0.0.0/104'],
      ['fc00::/7', 'fe80::/10'],
      ['not-a-cidr', '1.2.3.4/33', ''],
    ]) {
      expect(outsiderCanBeIn(cidrs), cidrs.join(' ')).toBe(false);
    }
  });

  it('knows what lies outside a set (NotIpAddress)', () => {
    expect(outsiderCanBeOutside(['203.0.113.0/24'])).toBe(true);
    expect(outsiderCanBeOutside(['0.0.0.0/1', '128.0.0.0/1', '::/0'])).toBe(false);
  });

  it('tests one address as IpAddress does (bare addresses are /32)', () => {
    expect(addressInCidr('203.0.113.0/24', '203.0.113.7')).toBe(true);
    expect(addressInCidr('203.0.113.7', '203.0.113.8')).toBe(false);
    expect(addressInCidr('2001:db8::/32', '2001:db8::1')).toBe(true);
    expect(addressInCidr('0.0.0.0/0', '2001:db8::1')).toBe(false);
  });
});
