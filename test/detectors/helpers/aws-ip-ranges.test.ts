import { BlockList } from 'node:net';
import { describe, expect, it } from 'vitest';
import { AwsIpPrefixError, AwsIpRanges } from '../../../detectors/helpers/aws-ip-ranges.js';
import { syntheticAwsIpRanges } from '../../../scripts/aws-ip-ranges/synthetic.js';
import { Rng } from '../../../scripts/corpus/prng.js';

const VERSION = { syncToken: '1764795184', createDate: '2026-12-03-20-53-04' };

const build = (ipv4: string[], ipv6: string[] = []) => AwsIpRanges.build(VERSION, ipv4, ipv6);
const has = (ranges: AwsIpRanges, address: string) => ranges.containsAddress(address);

describe('AwsIpRanges', () => {
  it('answers for addresses inside, at the edges of, and just outside a prefix', () => {
    const ranges = build(['203.0.113.0/25'], ['2001:db8:1234::/48']);

    expect(has(ranges, '203.0.113.0')).toBe(true);
    expect(has(ranges, '203.0.113.127')).toBe(true);
    expect(has(ranges, '203.0.113.128')).toBe(false);
    expect(has(ranges, '203.0.112.255')).toBe(false);
    expect(has(ranges, '2001:db8:1234::')).toBe(true);
    expect(has(ranges, '2001:db8:1234:ffff:ffff:ffff:ffff:ffff')).toBe(true);
    expect(has(ranges, '2001:db8:1235::')).toBe(false);
    expect(has(ranges, '2001:db8:1233:ffff:ffff:ffff:ffff:ffff')).toBe(false);
  });

  it('reads every spelling of an address the same way', () => {
    const ranges = build(['198.51.100.0/24'], ['2001:db8:1234::/48']);

    expect(has(ranges, '::ffff:198.51.100.7')).toBe(true);
    expect(has(ranges, '2001:0DB8:1234:0000:0000:0000:0000:0001')).toBe(true);
    expect(has(ranges, '2001:db8:1234::1')).toBe(true);
  });

  it('is never true for what is not an address', () => {
    const ranges = build(['203.0.113.0/24']);

    for (const value of ['AWS Internal', 'ec2.amazonaws.com', '', null, 42, '203.0.113']) {
      expect(ranges.containsAddress(value)).toBe(false);
    }
  });

  it('ignores host bits, as AWS’s own documentation example has them', () => {
    const ranges = build(['198.51.100.2/24']);

    expect(has(ranges, '198.51.100.1')).toBe(true);
    expect(has(ranges, '198.51.100.255')).toBe(true);
  });

  it('merges repeated, nested and adjacent prefixes', () => {
    const ranges = build(
      ['10.0.0.0/9', '10.0.0.0/16', '10.128.0.0/9', '10.0.0.0/9', '11.0.0.0/8'],
      ['2001:db8::/33', '2001:db8:8000::/33', '2001:db8:1::/48'],
    );

    expect(ranges.intervalCount).toEqual({ ipv4: 1, ipv6: 1 });
    expect(ranges.prefixCount).toEqual({ ipv4: 5, ipv6: 3 });
    expect(has(ranges, '11.255.255.255')).toBe(true);
    expect(has(ranges, '12.0.0.0')).toBe(false);
    expect(has(ranges, '9.255.255.255')).toBe(false);
  });

  it.each([
    ['0.0.0.0/0', 4, 'wider than any AWS prefix'],
    ['203.0.113.0', 4, 'not a CIDR range'],
    ['203.0.113.0/33', 4, 'not a CIDR range'],
    ['2001:db8::/32', 4, 'not an IPv4 address'],
    ['203.0.113.0/ 24', 4, 'not a CIDR range'],
    ['::/0', 6, 'wider than any AWS prefix'],
    ['203.0.113.0/24', 6, 'not an IPv6 address'],
    ['2001:db8::/129', 6, 'not a CIDR range'],
  ])('refuses %s as an IPv%i prefix, naming its position', (cidr, family, reason) => {
    const lists = family === 4 ? [['192.0.2.0/24', cidr], []] : [[], ['2001:db8:1::/48', cidr]];
    let error: unknown;
    try {
      build(lists[0] as string[], lists[1] as string[]);
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(AwsIpPrefixError);
    expect((error as AwsIpPrefixError).where).toEqual({ family, index: 1 });
    expect((error as AwsIpPrefixError).reason).toContain(reason);
  });

  it('agrees with Node’s BlockList on a file the size of AWS’s', () => {
    // Prepare: ~8,000 IPv4 and ~2,500 IPv6 prefixes, and Node's own (linear) matcher.
    const doc = syntheticAwsIpRanges('lookup-oracle');
    const ipv4 = doc.prefixes.map((p) => p.ip_prefix as string);
    const ipv6 = doc.ipv6_prefixes.map((p) => p.ipv6_prefix as string);
    const ranges = build(ipv4, ipv6);
    const oracle = new BlockList();
    for (const cidr of ipv4) {
      const [address = '', length = ''] = cidr.split('/');
      oracle.addSubnet(address, Number(length), 'ipv4');
    }
    for (const cidr of ipv6) {
      const [address = '', length = ''] = cidr.split('/');
      oracle.addSubnet(address, Number(length), 'ipv6');
    }
    const rng = new Rng('probes');
    const probes: string[] = [];
    for (let i = 0; i < 1500; i++) {
      probes.push(Array.from({ length: 4 }, () => rng.int(0, 255)).join('.'));
      const hex = () => rng.int(0, 0xffff).toString(16);
      probes.push(
        `${(0x2600 + rng.int(0, 0x3ff)).toString(16)}:${hex()}:${hex()}:${hex()}::${hex()}`,
      );
    }
    // The first address of some prefixes, and the one before it: edges are where mistakes hide.
    for (const cidr of ipv4.slice(0, 300)) {
      const [address = ''] = cidr.split('/');
      const value = address.split('.').reduce((n, o) => n * 256 + Number(o), 0);
      for (const v of [value, value - 1]) {
        probes.push([24, 16, 8, 0].map((s) => Math.floor(v / 2 ** s) % 256).join('.'));
      }
    }

    // Act
    const ours = probes.map((p) => has(ranges, p));
    const theirs = probes.map((p) => oracle.check(p, p.includes(':') ? 'ipv6' : 'ipv4'));

    // Assess: the same answers, and both answers occur (the probes are not all outside).
    expect(ours).toEqual(theirs);
    expect(ours.filter(Boolean).length).toBeGreaterThan(300);
    expect(ours.filter((x) => !x).length).toBeGreaterThan(300);
  });
});
