import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** One rule of an ingress request, before EC2 wraps its lists. */
export interface Permission {
  ipProtocol: string;
  fromPort?: number;
  toPort?: number;
  /** One CIDR, or several separated by commas (one `ipRanges` item each). */
  cidrIp?: string;
  cidrIpv6?: string;
  groupId?: string;
  prefixListId?: string;
}

/** A permission as EC2 logs it: every list wrapped in `{items: [...]}`, empty ones as `{}`. */
export function permission(p: Permission) {
  return {
    ipProtocol: p.ipProtocol,
    ...(p.fromPort === undefined ? {} : { fromPort: p.fromPort, toPort: p.toPort }),
    groups: p.groupId ? { items: [{ userId: ACCOUNT, groupId: p.groupId }] } : {},
    ipRanges: p.cidrIp ? { items: p.cidrIp.split(',').map((cidrIp) => ({ cidrIp })) } : {},
    ipv6Ranges: p.cidrIpv6
      ? { items: p.cidrIpv6.split(',').map((cidrIpv6) => ({ cidrIpv6 })) }
      : {},
    prefixListIds: p.prefixListId ? { items: [{ prefixListId: p.prefixListId }] } : {},
  };
}

/** AuthorizeSecurityGroupIngress from the console adding `permissions`. */
export const authorizeIngress = (
  permissions: Permission[],
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'ec2.amazonaws.com',
    eventName: 'AuthorizeSecurityGroupIngress',
    userAgent: 'console.ec2.amazonaws.com',
    requestParameters: {
      groupId: 'sg-0632fa4ee8a8468a4',
      ipPermissions: { items: permissions.map(permission) },
    },
    responseElements: { requestId: 'c8b8a1f2-1111-4c9e-9d1b-EXAMPLE', _return: true },
    ...overrides,
  });

/** TCP port 22, to be given a source. */
export const ssh = { ipProtocol: 'tcp', fromPort: 22, toPort: 22 };

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'SSH opened to 0.0.0.0/0',
      events: [authorizeIngress([{ ...ssh, cidrIp: '0.0.0.0/0' }])],
    },
    {
      name: 'all traffic opened to ::/0 by an assumed role',
      events: [
        authorizeIngress([{ ipProtocol: '-1', cidrIpv6: '::/0' }], {
          userIdentity: identities.assumedRole('Dev', 'bob'),
        }),
      ],
    },
    {
      name: 'port 8080 opened to the world',
      events: [
        authorizeIngress([
          { ipProtocol: 'tcp', fromPort: 8080, toPort: 8080, cidrIp: '0.0.0.0/0' },
        ]),
      ],
    },
    {
      name: 'evasion: SSH to 0.0.0.0/1 plus 128.0.0.0/1, two halves of the internet',
      events: [authorizeIngress([{ ...ssh, cidrIp: '0.0.0.0/1,128.0.0.0/1' }])],
    },
    {
      name: 'evasion: RDP to 2000::/3, all of the IPv6 internet',
      events: [
        authorizeIngress([{ ipProtocol: '6', fromPort: 3389, toPort: 3389, cidrIpv6: '2000::/3' }]),
      ],
    },
    {
      name: 'evasion: SSH through a customer prefix list (medium review)',
      events: [authorizeIngress([{ ...ssh, prefixListId: 'pl-0f1e2d3c4b5a69788' }])],
    },
  ],
  noFire: [
    {
      name: 'HTTPS and HTTP for a public load balancer',
      events: [
        authorizeIngress([
          { ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '0.0.0.0/0' },
          { ipProtocol: 'tcp', fromPort: 80, toPort: 80, cidrIpv6: '::/0' },
        ]),
      ],
    },
    {
      name: 'SSH from the office address',
      events: [authorizeIngress([{ ...ssh, cidrIp: '203.0.113.25/32' }])],
    },
    {
      name: 'SSH from our own /16 and a private range',
      events: [authorizeIngress([{ ...ssh, cidrIp: '198.51.0.0/16,10.0.0.0/8' }])],
    },
    {
      name: "an app port open to CloudFront's managed prefix list",
      events: [
        authorizeIngress([
          { ipProtocol: 'tcp', fromPort: 8080, toPort: 8080, prefixListId: 'pl-3b927c52' },
        ]),
      ],
    },
    {
      name: 'SSH from the bastion security group',
      events: [authorizeIngress([{ ...ssh, groupId: 'sg-0bastion' }])],
    },
    {
      name: 'dry run',
      events: [
        failed(
          authorizeIngress([{ ...ssh, cidrIp: '0.0.0.0/0' }]),
          'Client.DryRunOperation',
          'Request would have succeeded, but DryRun flag is set.',
        ),
      ],
    },
  ],
};
