import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** One rule of an ingress request, before EC2 wraps its lists. */
export interface Permission {
  ipProtocol: string;
  fromPort?: number;
  toPort?: number;
  cidrIp?: string;
  cidrIpv6?: string;
  groupId?: string;
}

/** A permission as EC2 logs it: every list wrapped in `{items: [...]}`, empty ones as `{}`. */
export function permission(p: Permission) {
  return {
    ipProtocol: p.ipProtocol,
    ...(p.fromPort === undefined ? {} : { fromPort: p.fromPort, toPort: p.toPort }),
    groups: p.groupId ? { items: [{ userId: ACCOUNT, groupId: p.groupId }] } : {},
    ipRanges: p.cidrIp ? { items: [{ cidrIp: p.cidrIp }] } : {},
    ipv6Ranges: p.cidrIpv6 ? { items: [{ cidrIpv6: p.cidrIpv6 }] } : {},
    prefixListIds: {},
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
