import { describe, expect, it } from 'vitest';
import {
  ingressRulesOf,
  modifiedGroupOf,
  modifiedRulesOf,
  type SecurityGroupRule,
} from '../../../detectors/helpers/security-group-rules.js';
import { cloudTrailEvent } from '../../helpers/events.js';

const ingress = (requestParameters: unknown, responseElements: unknown = null) =>
  cloudTrailEvent({
    eventSource: 'ec2.amazonaws.com',
    eventName: 'AuthorizeSecurityGroupIngress',
    requestParameters: requestParameters as Record<string, unknown> | null,
    responseElements: responseElements as Record<string, unknown> | null,
  });

const tcp = (fromPort: number, toPort: number, source = '0.0.0.0/0'): SecurityGroupRule => ({
  protocol: 'tcp',
  fromPort,
  toPort,
  source,
  sourceKind: 'cidr',
});

describe('ingressRulesOf', () => {
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

    expect(ingressRulesOf(event)).toEqual([tcp(22, 22)]);
  });

  it('gives every range, IPv6 range and prefix list of a permission its own rule', () => {
    const event = ingress({
      ipPermissions: {
        items: [
          {
            ipProtocol: 'tcp',
            fromPort: 22,
            toPort: 22,
            ipRanges: { items: [{ cidrIp: '0.0.0.0/1' }, { cidrIp: '128.0.0.0/1' }] },
            ipv6Ranges: { items: [{ cidrIpv6: '2000::/3' }] },
            prefixListIds: { items: [{ prefixListId: 'pl-0123456789abcdef0' }] },
          },
        ],
      },
    });

    expect(ingressRulesOf(event).map((r) => [r.source, r.sourceKind])).toEqual([
      ['0.0.0.0/1', 'cidr'],
      ['128.0.0.0/1', 'cidr'],
      ['2000::/3', 'cidr'],
      ['pl-0123456789abcdef0', 'prefix-list'],
    ]);
  });

  it('reads the legacy top-level cidrIp form', () => {
    const event = ingress({
      groupId: 'sg-1',
      ipProtocol: 'tcp',
      fromPort: '3389',
      toPort: '3389',
      cidrIp: '0.0.0.0/0',
    });

    expect(ingressRulesOf(event)).toEqual([tcp(3389, 3389)]);
  });

  it('reads the securityGroupRuleSet in the response and skips egress entries', () => {
    const event = ingress(null, {
      securityGroupRuleSet: {
        items: [
          { isEgress: false, ipProtocol: '-1', fromPort: -1, toPort: -1, cidrIpv6: '::/0' },
          { isEgress: false, ipProtocol: 'tcp', fromPort: 22, toPort: 22, prefixListId: 'pl-1' },
          { isEgress: true, ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/0' },
        ],
      },
    });

    expect(ingressRulesOf(event)).toEqual([
      { protocol: 'all', fromPort: 0, toPort: 65535, source: '::/0', sourceKind: 'cidr' },
      { protocol: 'tcp', fromPort: 22, toPort: 22, source: 'pl-1', sourceKind: 'prefix-list' },
    ]);
  });

  it('leaves out rules that name a security group', () => {
    const event = ingress({
      ipPermissions: {
        items: [
          { ipProtocol: 'tcp', fromPort: 22, toPort: 22, groups: { items: [{ groupId: 'sg-2' }] } },
        ],
      },
    });

    expect(ingressRulesOf(event)).toEqual([]);
  });

  it('treats protocol numbers other than tcp/udp/icmp/icmpv6 as every port', () => {
    const event = ingress({
      ipPermissions: {
        items: [{ ipProtocol: '50', ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] } }],
      },
    });

    expect(ingressRulesOf(event)[0]?.protocol).toBe('all');
  });

  it('maps protocol number 6 (as a number or a string) to tcp and reads string ports', () => {
    const event = ingress({
      ipPermissions: {
        items: [
          { ipProtocol: '6', fromPort: '443', toPort: '443', ipRanges: ['0.0.0.0/0'] },
          { ipProtocol: 6, fromPort: 80, toPort: 80, ipRanges: ['0.0.0.0/0'] },
        ],
      },
    });

    expect(ingressRulesOf(event)).toEqual([tcp(443, 443), tcp(80, 80)]);
  });

  it('treats an unreadable or inverted TCP port range as every port', () => {
    const event = ingress({
      ipPermissions: {
        items: [
          { ipProtocol: 'tcp', fromPort: 'x', ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] } },
          { ipProtocol: 'tcp', fromPort: 30, toPort: 20, ipRanges: ['0.0.0.0/0'] },
        ],
      },
    });

    expect(ingressRulesOf(event)).toEqual([tcp(0, 65535), tcp(0, 65535)]);
  });

  it('returns nothing for null or wrongly typed fields', () => {
    expect(ingressRulesOf(ingress(null))).toEqual([]);
    expect(ingressRulesOf(ingress({ ipPermissions: 'nope', cidrIp: 42 }))).toEqual([]);
    expect(
      ingressRulesOf(ingress({ ipPermissions: { items: [null, 7, { ipRanges: null }] } })),
    ).toEqual([]);
  });

  it('bounds the rules read from a hostile record', () => {
    const ranges = Array.from({ length: 5000 }, (_, i) => ({ cidrIp: `10.0.${i % 256}.0/24` }));
    const event = ingress({
      ipPermissions: {
        items: [{ ipProtocol: 'tcp', fromPort: 1, toPort: 2, ipRanges: { items: ranges } }],
      },
    });

    expect(ingressRulesOf(event).length).toBeLessThanOrEqual(300);
  });
});

describe('modifiedRulesOf', () => {
  const modify = (request: unknown) =>
    cloudTrailEvent({
      eventSource: 'ec2.amazonaws.com',
      eventName: 'ModifySecurityGroupRules',
      requestParameters: request as Record<string, unknown>,
    });

  it('reads the wrapped request, a single update as an object, and prefix lists', () => {
    const event = modify({
      ModifySecurityGroupRulesRequest: {
        GroupId: 'sg-9',
        SecurityGroupRule: {
          SecurityGroupRuleId: 'sgr-1',
          SecurityGroupRule: { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, PrefixListId: 'pl-9' },
        },
      },
    });

    expect(modifiedGroupOf(event)).toBe('sg-9');
    expect(modifiedRulesOf(event)).toEqual([
      {
        protocol: 'tcp',
        fromPort: 22,
        toPort: 22,
        source: 'pl-9',
        sourceKind: 'prefix-list',
        ruleId: 'sgr-1',
      },
    ]);
  });

  it('reads the SDK shape with a list of updates', () => {
    const event = modify({
      GroupId: 'sg-9',
      SecurityGroupRules: [
        {
          SecurityGroupRuleId: 'sgr-1',
          SecurityGroupRule: { IpProtocol: '-1', CidrIpv4: '0.0.0.0/1' },
        },
        {
          SecurityGroupRuleId: 'sgr-2',
          SecurityGroupRule: { IpProtocol: '-1', ReferencedGroupId: 'sg-3' },
        },
      ],
    });

    expect(modifiedRulesOf(event).map((r) => [r.ruleId, r.source])).toEqual([
      ['sgr-1', '0.0.0.0/1'],
    ]);
  });
});
