import { describe, expect, it } from 'vitest';
import { naclEntryOf, naclOpening } from '../../../detectors/helpers/nacl-entry.js';
import { sshFromAnywhere } from '../../../detectors/network/network-acl-permissive-entry.examples.js';

const entry = (overrides: Record<string, unknown> = {}) =>
  naclEntryOf({ ...sshFromAnywhere, ...overrides });

describe('naclEntryOf', () => {
  it('reads protocol numbers, the port range and the action', () => {
    expect(entry()).toEqual({
      egress: false,
      allow: true,
      cidr: '0.0.0.0/0',
      protocol: 'tcp',
      fromPort: 22,
      toPort: 22,
    });
  });

  it('reads a TCP entry with an unreadable range as every port', () => {
    const read = entry({ portRange: { from: 'x', to: 22 } });

    expect([read.fromPort, read.toPort]).toEqual([0, 65535]);
  });

  it('treats egress given as a string and IPv6 blocks', () => {
    const read = entry({ egress: 'true', cidrBlock: undefined, ipv6CidrBlock: '::/0' });

    expect(read.egress).toBe(true);
    expect(read.cidr).toBe('::/0');
  });

  it('does not throw on null or odd input, and reads an unreadable protocol as all', () => {
    expect(naclEntryOf(null).allow).toBe(false);
    expect(naclEntryOf({ aclProtocol: { a: 1 }, portRange: 'all' }).protocol).toBe('all');
  });
});

const naclExposure = (e: ReturnType<typeof entry>) => naclOpening(e)?.exposure;

describe('naclOpening', () => {
  it('rates an admin port from anywhere as admin', () => {
    expect(naclExposure(entry())).toBe('admin');
    expect(naclExposure(entry({ portRange: { from: 0, to: 1023 } }))).toBe('admin');
  });

  it('rates protocol -1 or every port as all', () => {
    expect(naclExposure(entry({ aclProtocol: '-1', portRange: {} }))).toBe('all');
    expect(naclExposure(entry({ portRange: { from: 0, to: 65535 } }))).toBe('all');
  });

  it('ignores the ephemeral return range, web ports, ICMP and other protocols', () => {
    expect(naclExposure(entry({ portRange: { from: 1024, to: 65535 } }))).toBeUndefined();
    expect(naclExposure(entry({ portRange: { from: 32768, to: 65535 } }))).toBeUndefined();
    expect(naclExposure(entry({ portRange: { from: 443, to: 443 } }))).toBeUndefined();
    expect(naclExposure(entry({ aclProtocol: '1', portRange: {} }))).toBeUndefined();
    expect(naclExposure(entry({ aclProtocol: '47' }))).toBeUndefined();
  });

  it('ignores deny, egress and narrow entries', () => {
    expect(naclExposure(entry({ ruleAction: 'deny' }))).toBeUndefined();
    expect(naclExposure(entry({ egress: true }))).toBeUndefined();
    expect(naclExposure(entry({ cidrBlock: '10.0.0.0/8' }))).toBeUndefined();
    expect(naclExposure(entry({ cidrBlock: '198.51.100.0/24' }))).toBeUndefined();
  });

  it('judges the block by the addresses it covers, not its spelling', () => {
    expect(naclOpening(entry({ cidrBlock: '0.0.0.0/00' }))?.reach).toBe('internet');
    expect(naclOpening(entry({ cidrBlock: '0.0.0.0/1' }))?.reach).toBe('internet');
    expect(naclOpening(entry({ cidrBlock: undefined, ipv6CidrBlock: '2000::/3' }))?.reach).toBe(
      'internet',
    );
    expect(naclOpening(entry({ cidrBlock: '64.0.0.0/4' }))?.reach).toBe('wide');
  });
});
