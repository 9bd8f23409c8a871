import { describe, expect, it } from 'vitest';
import {
  authorizeIngress,
  ssh,
} from '../../../detectors/ec2/security-group-open-to-world.examples.js';
import { securityGroupOpenToWorld } from '../../../detectors/ec2/security-group-open-to-world.js';
import { detect } from '../../helpers/detect.js';
import { failed, identities } from '../../helpers/events.js';

describe('Detector: security-group-open-to-world', () => {
  it('fires critical when SSH is opened to 0.0.0.0/0', () => {
    // Act
    const findings = detect(
      securityGroupOpenToWorld,
      authorizeIngress([{ ...ssh, cidrIp: '0.0.0.0/0' }]),
    );

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('critical');
    expect(findings[0]?.resources).toEqual(['sg-0632fa4ee8a8468a4']);
    expect(findings[0]?.summary).toContain('tcp 22 from 0.0.0.0/0');
  });

  it('fires critical when all traffic is opened to ::/0', () => {
    const event = authorizeIngress([{ ipProtocol: '-1', cidrIpv6: '::/0' }], {
      userIdentity: identities.assumedRole('Dev', 'bob'),
    });

    const findings = detect(securityGroupOpenToWorld, event);

    expect(findings[0]?.severity).toBe('critical');
    expect(findings[0]?.summary).toContain('all traffic from ::/0');
  });

  it('fires critical when a port range covers a database port', () => {
    const event = authorizeIngress([
      { ipProtocol: 'tcp', fromPort: 5000, toPort: 6000, cidrIp: '0.0.0.0/0' },
    ]);

    expect(detect(securityGroupOpenToWorld, event)[0]?.severity).toBe('critical');
  });

  it('fires high for a non-web, non-admin port', () => {
    const event = authorizeIngress([
      { ipProtocol: 'tcp', fromPort: 8080, toPort: 8080, cidrIp: '0.0.0.0/0' },
    ]);

    expect(detect(securityGroupOpenToWorld, event)[0]?.severity).toBe('high');
  });

  it('reports the worst rule when a call adds several', () => {
    const event = authorizeIngress([
      { ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '0.0.0.0/0' },
      { ipProtocol: 'tcp', fromPort: 3389, toPort: 3389, cidrIp: '0.0.0.0/0' },
    ]);

    const findings = detect(securityGroupOpenToWorld, event);

    expect(findings[0]?.severity).toBe('critical');
    expect(findings[0]?.summary).toContain('tcp 3389');
  });

  it('fires from the response rule set when the request lacks ipPermissions', () => {
    const event = authorizeIngress([], {
      requestParameters: { groupId: 'sg-1' },
      responseElements: {
        _return: true,
        securityGroupRuleSet: {
          items: [
            {
              groupId: 'sg-1',
              securityGroupRuleId: 'sgr-09be5c962afdc06ed',
              isEgress: false,
              ipProtocol: 'tcp',
              fromPort: 22,
              toPort: 22,
              cidrIpv4: '0.0.0.0/0',
            },
          ],
        },
      },
    });

    expect(detect(securityGroupOpenToWorld, event)[0]?.severity).toBe('critical');
  });

  it('keeps the same dedup key whatever session name the caller picks', () => {
    const open = (session: string) =>
      authorizeIngress([{ ...ssh, cidrIp: '0.0.0.0/0' }], {
        userIdentity: identities.assumedRole('Dev', session),
      });

    const first = detect(securityGroupOpenToWorld, open('a'))[0]?.dedupKey;
    const second = detect(securityGroupOpenToWorld, open('b'))[0]?.dedupKey;

    expect(first).toBeDefined();
    expect(first).toBe(second);
  });

  it('ignores HTTPS and HTTP opened to the world (public load balancer)', () => {
    const event = authorizeIngress([
      { ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '0.0.0.0/0' },
      { ipProtocol: 'tcp', fromPort: 80, toPort: 80, cidrIpv6: '::/0' },
    ]);

    expect(detect(securityGroupOpenToWorld, event)).toEqual([]);
  });

  it('ignores ICMP opened to the world', () => {
    const event = authorizeIngress([
      { ipProtocol: 'icmp', fromPort: -1, toPort: -1, cidrIp: '0.0.0.0/0' },
    ]);

    expect(detect(securityGroupOpenToWorld, event)).toEqual([]);
  });

  it.each([['10.0.0.0/8'], ['172.16.0.0/12'], ['192.168.0.0/16'], ['203.0.113.25/32']])(
    'ignores SSH opened to %s',
    (cidrIp) => {
      expect(detect(securityGroupOpenToWorld, authorizeIngress([{ ...ssh, cidrIp }]))).toEqual([]);
    },
  );

  it('ignores a rule that references another security group', () => {
    const event = authorizeIngress([{ ...ssh, groupId: 'sg-0bastion' }]);

    expect(detect(securityGroupOpenToWorld, event)).toEqual([]);
  });

  it('ignores a failed call', () => {
    const event = failed(
      authorizeIngress([{ ...ssh, cidrIp: '0.0.0.0/0' }]),
      'Client.UnauthorizedOperation',
      'You are not authorized to perform this operation.',
    );

    expect(detect(securityGroupOpenToWorld, event)).toEqual([]);
  });

  it('ignores a dry run', () => {
    const event = failed(
      authorizeIngress([{ ...ssh, cidrIp: '0.0.0.0/0' }]),
      'Client.DryRunOperation',
      'Request would have succeeded, but DryRun flag is set.',
    );

    expect(detect(securityGroupOpenToWorld, event)).toEqual([]);
  });

  it('ignores egress opened to the world', () => {
    const event = authorizeIngress([{ ipProtocol: '-1', cidrIp: '0.0.0.0/0' }], {
      eventName: 'AuthorizeSecurityGroupEgress',
    });

    expect(detect(securityGroupOpenToWorld, event)).toEqual([]);
  });

  it('ignores the same event name from another event source', () => {
    const event = authorizeIngress([{ ...ssh, cidrIp: '0.0.0.0/0' }], {
      eventSource: 'other.amazonaws.com',
    });

    expect(detect(securityGroupOpenToWorld, event)).toEqual([]);
  });

  it('ignores null request parameters and response elements', () => {
    const event = authorizeIngress([], { requestParameters: null, responseElements: null });

    expect(detect(securityGroupOpenToWorld, event)).toEqual([]);
  });
});
