import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const createGroup = cloudTrailEvent({
  eventSource: 'ec2.amazonaws.com',
  eventName: 'CreateSecurityGroup',
  userIdentity: identities.assumedRole('Deploy', 'cdk'),
  requestParameters: {
    groupName: 'web-alb',
    groupDescription: 'Public load balancer',
    vpcId: 'vpc-0a1b2c3d4e5f67890',
  },
  responseElements: {
    requestId: '5c3b8f6e-1111-4444-8888-0123456789ab',
    _return: true,
    groupId: 'sg-0123456789abcdef0',
  },
});

const revokeEgress = cloudTrailEvent({
  eventSource: 'ec2.amazonaws.com',
  eventName: 'RevokeSecurityGroupEgress',
  requestParameters: {
    groupId: 'sg-0123456789abcdef0',
    ipPermissions: {
      items: [
        {
          ipProtocol: '-1',
          groups: {},
          ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] },
          ipv6Ranges: {},
          prefixListIds: {},
        },
      ],
    },
  },
  responseElements: { requestId: 'b1', _return: true },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'a security group is created', events: [createGroup] },
    { name: 'an egress rule is revoked', events: [revokeEgress] },
  ],
  noFire: [
    {
      name: 'a dry run (DryRunOperation error)',
      events: [failed(revokeEgress, 'Client.DryRunOperation', 'Request would have succeeded')],
    },
    {
      name: 'ModifySecurityGroupRules is outside the CIS 5.10 set',
      events: [{ ...revokeEgress, eventName: 'ModifySecurityGroupRules' }],
    },
    {
      name: 'the same API name from another service',
      events: [{ ...createGroup, eventSource: 'redshift.amazonaws.com' }],
    },
  ],
};
