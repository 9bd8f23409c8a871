import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import { vpceEvent } from '../examples/vpce-events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const LB_ARN =
  'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/orders-alb/50dc6c495c0c9188';

/** SetSecurityGroups as Elastic Load Balancing logs it (v2 API). */
const setSecurityGroups = (
  requestParameters: Record<string, unknown>,
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'elasticloadbalancing.amazonaws.com',
    eventName: 'SetSecurityGroups',
    userIdentity: identities.assumedRole('Dev', 'mallory'),
    requestParameters: { loadBalancerArn: LB_ARN, ...requestParameters },
    responseElements: { securityGroupIds: requestParameters.securityGroups ?? [] },
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'the ALB given another security group',
      events: [setSecurityGroups({ securityGroups: ['sg-0123456789abcdef0'] })],
    },
    {
      name: 'an NLB stops enforcing rules on PrivateLink traffic (medium)',
      events: [
        setSecurityGroups({
          securityGroups: ['sg-0123456789abcdef0'],
          enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: 'off',
        }),
      ],
    },
    {
      name: 'a Classic load balancer',
      events: [
        cloudTrailEvent({
          eventSource: 'elasticloadbalancing.amazonaws.com',
          eventName: 'ApplySecurityGroupsToLoadBalancer',
          requestParameters: {
            loadBalancerName: 'legacy-web',
            securityGroups: ['sg-0fedcba9876543210'],
          },
          responseElements: { securityGroups: ['sg-0fedcba9876543210'] },
        }),
      ],
    },
  ],
  noFire: [
    {
      name: 'the network activity copy of the call, without its request',
      events: [
        vpceEvent({
          eventSource: 'elasticloadbalancing.amazonaws.com',
          eventName: 'SetSecurityGroups',
          userIdentity: identities.assumedRole('Dev', 'mallory'),
        }),
      ],
    },
    {
      name: 'deployed through CloudFormation',
      events: [
        setSecurityGroups(
          { securityGroups: ['sg-0123456789abcdef0'] },
          {
            userIdentity: {
              ...identities.assumedRole('CfnExecution', 'AWSCloudFormation'),
              invokedBy: 'cloudformation.amazonaws.com',
            },
          },
        ),
      ],
    },
    {
      name: 'refused',
      events: [
        failed(setSecurityGroups({ securityGroups: ['sg-0123456789abcdef0'] }), 'AccessDenied'),
      ],
    },
    {
      name: 'security groups only read',
      events: [
        cloudTrailEvent({
          eventSource: 'elasticloadbalancing.amazonaws.com',
          eventName: 'DescribeLoadBalancers',
          requestParameters: { loadBalancerArns: [LB_ARN] },
        }),
      ],
    },
  ],
};
