import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

/** ModifySecurityGroupRules as EC2 logs it: the request wrapped, one update as an object. */
const modify = (securityGroupRule: unknown) =>
  cloudTrailEvent({
    eventSource: 'ec2.amazonaws.com',
    eventName: 'ModifySecurityGroupRules',
    userIdentity: identities.assumedRole('Dev', 'mallory'),
    requestParameters: {
      ModifySecurityGroupRulesRequest: {
        GroupId: 'sg-0a1b2c3d4e5f67890',
        SecurityGroupRule: securityGroupRule,
      },
    },
    responseElements: {
      ModifySecurityGroupRulesResponse: {
        requestId: '5b3f0c2e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
        _return: true,
      },
    },
  });

const update = (rule: Record<string, unknown>, id = 'sgr-0123456789abcdef0') => ({
  SecurityGroupRuleId: id,
  SecurityGroupRule: { Description: 'office', ...rule },
  tag: 1,
});

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'SSH rule widened from the office to the internet',
      events: [
        modify(update({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '0.0.0.0/0' })),
      ],
    },
    {
      name: 'one of several updates opens every port over IPv6',
      events: [
        modify([
          update({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIpv4: '10.0.0.0/8' }),
          update(
            { IpProtocol: '-1', FromPort: -1, ToPort: -1, CidrIpv6: '::/0' },
            'sgr-0fedcba9876543210',
          ),
        ]),
      ],
    },
    {
      name: 'evasion: two rules widened to 0.0.0.0/1 and 128.0.0.0/1',
      events: [
        modify([
          update({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '0.0.0.0/1' }),
          update(
            { IpProtocol: 'tcp', FromPort: '22', ToPort: '22', CidrIpv4: '128.0.0.0/1' },
            'sgr-0fedcba9876543210',
          ),
        ]),
      ],
    },
    {
      name: 'evasion: RDP moved to a customer prefix list (medium)',
      events: [
        modify(
          update({
            IpProtocol: '6',
            FromPort: 3389,
            ToPort: 3389,
            PrefixListId: 'pl-0f1e2d3c4b5a69788',
          }),
        ),
      ],
    },
    {
      name: 'an application port (medium)',
      events: [
        modify(update({ IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, CidrIpv4: '0.0.0.0/0' })),
      ],
    },
  ],
  noFire: [
    {
      name: 'HTTPS to the internet (a public load balancer)',
      events: [
        modify(update({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIpv4: '0.0.0.0/0' })),
      ],
    },
    {
      name: 'two rules narrowed to the two halves of a private range',
      events: [
        modify([
          update({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '10.0.0.0/9' }),
          update(
            { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '10.128.0.0/9' },
            'sgr-0fedcba9876543210',
          ),
        ]),
      ],
    },
    {
      name: 'narrowed to a private range',
      events: [
        modify(update({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '10.20.0.0/16' })),
      ],
    },
    {
      name: 'refused',
      events: [
        failed(
          modify(update({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '0.0.0.0/0' })),
          'Client.UnauthorizedOperation',
        ),
      ],
    },
  ],
};
