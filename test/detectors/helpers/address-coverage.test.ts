import { describe, expect, it } from 'vitest';
import {
  addressCoverage,
  isWholeAddressSpace,
  parseCidr,
  reachOf,
} from '../../../detectors/helpers/address-coverage.js';

describe('parseCidr', () => {
  it('clears host bits as AWS canonicalises them', () => {
    expect(parseCidr('100.68.0.18/18')).toEqual({
      family: 4,
      first: BigInt(100 * 2 ** 24 + 68 * 2 ** 16),
      last: BigInt(100 * 2 ** 24 + 68 * 2 ** 16 + 2 ** 14 - 1),
    });
  });

  it('reads a bare address as a single-address block', () => {
    expect(parseCidr('198.51.100.7')).toEqual(parseCidr('198.51.100.7/32'));
    expect(parseCidr('2001:db8::1')).toEqual(parseCidr('2001:db8::1/128'));
  });

  it('maps IPv4-mapped IPv6 blocks to the IPv4 block they stand for', () => {
    expect(parseCidr('::ffff:0.0.0.0/96')).toEqual(parseCidr('0.0.0.0/0'));
    expect(parseCidr('::ffff:0:0/96')).toEqual(parseCidr('0.0.0.0/0'));
    expect(parseCidr('::ffff:10.0.0.0/104')).toEqual(parseCidr('10.0.0.0/8'));
  });

  it.each([
    '0.0.0.0/33',
    '::/129',
    '1.2.3.4/-1',
    '1.2.3.4/8/8',
    '1.2.3.4/x',
    'pl-123',
    '',
    42,
    null,
  ])('rejects %j', (value) => {
    expect(parseCidr(value)).toBeUndefined();
  });
});

describe('isWholeAddressSpace', () => {
  it.each([
    '0.0.0.0/0',
    ' 0.0.0.0/0 ',
    '0.0.0.0/00',
    '000.000.000.000/0',
    '::/0',
    '0::/0',
    '0000:0000:0000:0000:0000:0000:0000:0000/0',
    '::ffff:0.0.0.0/96',
    '1.2.3.4/0',
  ])('is true for %s', (cidr) => {
    expect(isWholeAddressSpace(cidr)).toBe(true);
  });

  it.each(['0.0.0.0/1', '2000::/3', '10.0.0.0/8', 'anywhere'])('is false for %s', (cidr) => {
    expect(isWholeAddressSpace(cidr)).toBe(false);
  });
});

describe('addressCoverage', () => {
  it('sees two halves as the whole IPv4 internet', () => {
    expect(addressCoverage(['0.0.0.0/1', '128.0.0.0/1'])).toEqual({
      reach: 'internet',
      v4: 1,
      v6: 0,
    });
  });

  it('counts 2000::/3 as all of the IPv6 internet', () => {
    expect(addressCoverage(['2000::/3'])).toMatchObject({ reach: 'internet', v6: 1 });
    expect(reachOf(['::/1', '8000::/1'])).toBe('internet');
  });

  it('calls half the public IPv4 space the internet, and a /8 wide', () => {
    // 0.0.0.0/1 holds 0/8, 10/8, 100.64/10 and 127/8: 56% of public space is still the internet.
    expect(reachOf(['0.0.0.0/1'])).toBe('internet');
    // 128.0.0.0/1 loses multicast and reserved space: 43%, wide.
    expect(reachOf(['128.0.0.0/1'])).toBe('wide');
    expect(reachOf(['52.0.0.0/8'])).toBe('wide');
    expect(reachOf(['52.0.0.0/9'])).toBe('narrow');
  });

  it('unions overlapping and adjacent blocks without counting twice', () => {
    const coverage = addressCoverage(['0.0.0.0/1', '0.0.0.0/2', '64.0.0.0/2', '1.2.3.4/32']);

    expect(coverage.v4).toBe(addressCoverage(['0.0.0.0/1']).v4);
  });

  it('finds private, shared, link-local and multicast space narrow', () => {
    expect(
      reachOf([
        '10.0.0.0/8',
        '172.16.0.0/12',
        '192.168.0.0/16',
        '100.64.0.0/10',
        '169.254.0.0/16',
        '224.0.0.0/3',
        'fc00::/7',
        'fe80::/10',
        'ff00::/8',
      ]),
    ).toBe('narrow');
  });

  it('finds an office /16 and a site /48 narrow', () => {
    expect(reachOf(['198.51.0.0/16', '2001:db8:1234::/48'])).toBe('narrow');
  });

  it('ignores values that are not CIDRs and bounds hostile input', () => {
    expect(reachOf(['anywhere', null, 7, { cidr: '0.0.0.0/0' }])).toBe('narrow');
    const many = Array.from({ length: 50_000 }, (_, i) => `${(i % 200) + 1}.0.0.0/8`);
    expect(reachOf(many)).toBe('internet');
  });
});
