import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

/** The load balancer the web ACL protects. */
export const ALB_ARN = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/app/shop/50dc6c495c0c9188`;
/** ID of the web ACL every example acts on. */
export const WEB_ACL_ID = 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';

/** A WAF call by a developer role; WAFv2 unless `eventSource` says otherwise. */
export const wafCall = (
  eventName: string,
  requestParameters: Record<string, unknown> | null,
  eventSource = 'wafv2.amazonaws.com',
) =>
  cloudTrailEvent({
    eventSource,
    eventName,
    userIdentity: identities.assumedRole('Dev', 'mallory'),
    requestParameters,
    responseElements: null,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'WAFv2 web ACL taken off a load balancer',
      events: [wafCall('DisassociateWebACL', { resourceArn: ALB_ARN })],
    },
    {
      name: 'WAFv2 web ACL deleted',
      events: [
        wafCall('DeleteWebACL', {
          name: 'shop-acl',
          scope: 'REGIONAL',
          id: WEB_ACL_ID,
          lockToken: '0f3a1b2c-3d4e-5f60-7182-93a4b5c6d7e8',
        }),
      ],
    },
  ],
  noFire: [
    {
      name: 'web ACL associated',
      events: [
        wafCall('AssociateWebACL', {
          resourceArn: ALB_ARN,
          webACLArn: `arn:aws:wafv2:us-east-1:${ACCOUNT}:regional/webacl/shop-acl/${WEB_ACL_ID}`,
        }),
      ],
    },
    {
      name: 'web ACL rules updated',
      events: [wafCall('UpdateWebACL', { name: 'shop-acl', scope: 'REGIONAL', id: WEB_ACL_ID })],
    },
    {
      name: 'disassociation of an unknown resource fails',
      events: [
        failed(
          wafCall('DisassociateWebACL', { resourceArn: ALB_ARN }),
          'WAFNonexistentItemException',
          'AWS WAF couldn’t perform the operation because your resource doesn’t exist.',
        ),
      ],
    },
  ],
};
