import { describe, expect, it } from 'vitest';
import {
  describeOpening,
  openPortsOf,
} from '../../../detectors/helpers/security-group-exposure.js';
import type { SecurityGroupRule } from '../../../detectors/helpers/security-group-rules.js';

const rule = (
  protocol: string,
  fromPort: number,
  toPort: number,
  source: string,
  sourceKind: SecurityGroupRule['sourceKind'] = 'cidr',
): SecurityGroupRule => ({ protocol, fromPort, toPort, source, sourceKind });

describe('openPortsOf', () => {
  it('unions the sources of rules that share a port', () => {
    // Each /2 is about 28% of the public IPv4 space: wide alone, the internet together.
    const opens = openPortsOf([
      rule('tcp', 22, 22, '0.0.0.0/2'),
      rule('tcp', 20, 25, '64.0.0.0/2'),
    ]);

    expect(opens.map((o) => [o.reach, o.fromPort, o.toPort])).toEqual([
      ['wide', 20, 21],
      ['internet', 22, 22],
      ['wide', 23, 25],
    ]);
    expect(opens[1]?.sources).toEqual(['0.0.0.0/2', '64.0.0.0/2']);
  });

  it('does not union sources of rules on different ports', () => {
    const opens = openPortsOf([
      rule('tcp', 22, 22, '0.0.0.0/2'),
      rule('tcp', 3389, 3389, '64.0.0.0/2'),
    ]);

    expect(opens.map((o) => [o.reach, o.fromPort])).toEqual([
      ['wide', 22],
      ['wide', 3389],
    ]);
  });

  it('does not union tcp and udp, but lets all-traffic rules count for both', () => {
    const split = openPortsOf([
      rule('tcp', 22, 22, '0.0.0.0/2'),
      rule('udp', 22, 22, '64.0.0.0/2'),
    ]);
    expect(split.map((o) => [o.protocol, o.reach])).toEqual([
      ['tcp', 'wide'],
      ['udp', 'wide'],
    ]);
    const both = openPortsOf([rule('all', 0, 65535, '::/0')]);
    expect(both.map((o) => [o.protocol, o.exposure])).toEqual([
      ['all', 'admin'],
      ['all', 'admin'],
    ]);
  });

  it('leaves out web ports alone, ICMP and narrow sources', () => {
    expect(
      openPortsOf([
        rule('tcp', 443, 443, '0.0.0.0/0'),
        rule('tcp', 80, 80, '::/0'),
        rule('icmp', 0, 65535, '0.0.0.0/0'),
        rule('tcp', 22, 22, '10.0.0.0/8'),
        rule('tcp', 22, 22, '203.0.113.0/24'),
      ]),
    ).toEqual([]);
  });

  it('reports a customer prefix list as such, and not an AWS-managed one', () => {
    expect(openPortsOf([rule('tcp', 22, 22, 'pl-0f1e2d3c4b5a69788', 'prefix-list')])).toMatchObject(
      [{ reach: 'prefix-list', exposure: 'admin' }],
    );
    expect(openPortsOf([rule('tcp', 22, 22, 'pl-3b927c52', 'prefix-list')])).toEqual([]);
  });

  it('prefers the address verdict when both a list and wide ranges cover a port', () => {
    const [open] = openPortsOf([
      rule('tcp', 22, 22, 'pl-0f1e2d3c4b5a69788', 'prefix-list'),
      rule('tcp', 22, 22, '0.0.0.0/0'),
    ]);

    expect(open?.reach).toBe('internet');
    expect(open?.sources).toEqual(['0.0.0.0/0']);
  });
});

describe('describeOpening', () => {
  it('names protocol, ports and the first sources', () => {
    const [tcp] = openPortsOf([rule('tcp', 1000, 2000, '0.0.0.0/0')]);
    const [all] = openPortsOf([rule('all', 0, 65535, '::/1'), rule('all', 0, 65535, '8000::/1')]);
    const [many] = openPortsOf(
      ['0.0.0.0/2', '64.0.0.0/2', '128.0.0.0/2', '192.0.0.0/2', '2000::/3'].map((c) =>
        rule('tcp', 22, 22, c),
      ),
    );

    expect(tcp && describeOpening(tcp)).toBe('tcp 1000-2000 from 0.0.0.0/0');
    expect(all && describeOpening(all)).toBe('all traffic from ::/1, 8000::/1');
    expect(many && describeOpening(many)).toBe(
      'tcp 22 from 0.0.0.0/2, 64.0.0.0/2, 128.0.0.0/2 and 2 more',
    );
  });
});
