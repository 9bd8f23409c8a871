import { describe, expect, it } from 'vitest';
import {
  describeRule,
  exposureOf,
  type IngressRule,
  worldOpenIngressRules,
} from '../../../detectors/helpers/security-group-rules.js';
import { cloudTrailEvent } from '../../helpers/events.js';

const ingress = (requestParameters: unknown, responseElements: unknown = null) =>
  cloudTrailEvent({
    eventSource: 'ec2.amazonaws.com',
    eventName: 'AuthorizeSecurityGroupIngress',
    requestParameters: requestParameters as Record<string, unknown> | null,
    responseElements: responseElements as Record<string, unknown> | null,
  });

const tcp = (fromPort: number, toPort: number): IngressRule => ({
  protocol: 'tcp',
  fromPort,
  toPort,
  cidr: '0.0.0.0/0',
});

describe('worldOpenIngressRules', () => {
  it('reads a single permission logged as an object rather than an array', () => {
    const event = ingress({
      groupId: 'sg-1',
      ipPermissions: {
        items: {
          ipProtocol: 'tcp',
          fromPort: 22,
          toPort: 22,
          ipRanges: { items: { cidrIp: '0.0.0.0/0' } },
        },
      },
    });

    expect(worldOpenIngressRules(event)).toEqual([tcp(22, 22)]);
  });

  it('reads the legacy top-level cidrIp form', () => {
    const event = ingress({
      groupId: 'sg-1',
      ipProtocol: 'tcp',
      fromPort: 3389,
      toPort: 3389,
      cidrIp: '0.0.0.0/0',
    });

    expect(worldOpenIngressRules(event)).toEqual([tcp(3389, 3389)]);
  });

  it('reads the securityGroupRuleSet in the response and skips egress entries', () => {
    const event = ingress(null, {
      securityGroupRuleSet: {
        items: [
          { isEgress: false, ipProtocol: '-1', fromPort: -1, toPort: -1, cidrIpv6: '::/0' },
          { isEgress: true, ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/0' },
        ],
      },
    });

    expect(worldOpenIngressRules(event)).toEqual([
      { protocol: 'all', fromPort: 0, toPort: 65535, cidr: '::/0' },
    ]);
  });

  it('keeps only world CIDRs', () => {
    const event = ingress({
      ipPermissions: {
        items: [
          {
            ipProtocol: 'tcp',
            fromPort: 22,
            toPort: 22,
            ipRanges: { items: [{ cidrIp: '10.0.0.0/8' }, { cidrIp: '198.51.100.7/32' }] },
            ipv6Ranges: { items: [{ cidrIpv6: '2001:db8::/32' }] },
          },
        ],
      },
    });

    expect(worldOpenIngressRules(event)).toEqual([]);
  });

  it('treats protocol numbers other than tcp/udp/icmp/icmpv6 as every port', () => {
    const event = ingress({
      ipPermissions: {
        items: [{ ipProtocol: '50', ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] } }],
      },
    });

    expect(worldOpenIngressRules(event)[0]?.protocol).toBe('all');
  });

  it('maps protocol number 6 to tcp and reads string ports', () => {
    const event = ingress({
      ipPermissions: {
        items: [{ ipProtocol: '6', fromPort: '443', toPort: '443', ipRanges: ['0.0.0.0/0'] }],
      },
    });

    expect(worldOpenIngressRules(event)).toEqual([tcp(443, 443)]);
  });

  it('treats an unreadable TCP port range as every port', () => {
    const event = ingress({
      ipPermissions: {
        items: [
          { ipProtocol: 'tcp', fromPort: 'x', ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] } },
        ],
      },
    });

    expect(worldOpenIngressRules(event)).toEqual([tcp(0, 65535)]);
  });

  it('returns nothing for null or wrongly typed fields', () => {
    expect(worldOpenIngressRules(ingress(null))).toEqual([]);
    expect(worldOpenIngressRules(ingress({ ipPermissions: 'nope', cidrIp: 42 }))).toEqual([]);
    expect(
      worldOpenIngressRules(ingress({ ipPermissions: { items: [null, 7, { ipRanges: null }] } })),
    ).toEqual([]);
  });
});

describe('exposureOf', () => {
  it('classifies admin ports, ranges covering them and all traffic as admin', () => {
    expect(exposureOf(tcp(22, 22))).toBe('admin');
    expect(exposureOf(tcp(3000, 3400))).toBe('admin');
    expect(exposureOf({ protocol: 'all', fromPort: 0, toPort: 65535, cidr: '::/0' })).toBe('admin');
  });

  it('classifies 80 or 443 alone as web, and ranges between them as other', () => {
    expect(exposureOf(tcp(443, 443))).toBe('web');
    expect(exposureOf(tcp(80, 80))).toBe('web');
    expect(exposureOf(tcp(80, 443))).toBe('other');
    expect(exposureOf(tcp(8080, 8080))).toBe('other');
  });

  it('classifies ICMP as icmp whatever its type and code', () => {
    expect(exposureOf({ protocol: 'icmp', fromPort: 0, toPort: 65535, cidr: '0.0.0.0/0' })).toBe(
      'icmp',
    );
  });
});

describe('describeRule', () => {
  it('names protocol and ports', () => {
    expect(describeRule(tcp(22, 22))).toBe('tcp 22');
    expect(describeRule(tcp(1000, 2000))).toBe('tcp 1000-2000');
    expect(describeRule(tcp(0, 65535))).toBe('tcp all ports');
    expect(describeRule({ protocol: 'all', fromPort: 0, toPort: 65535, cidr: '::/0' })).toBe(
      'all traffic',
    );
  });
});
