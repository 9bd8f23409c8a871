import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import { baseEventName } from '../helpers/event-name.js';
import { asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField, stringList } from '../helpers/request-values.js';
import { isVpceEvent } from '../helpers/vpce-event.js';
import type { Detector, Severity } from '../types.js';

/** The security groups of a load balancer were replaced. */
export const loadBalancerSecurityGroupsChanged: Detector = {
  id: 'load-balancer-security-groups-changed',
  title: 'Load balancer security groups replaced',
  severity: 'low',
  description:
    'Elastic Load Balancing SetSecurityGroups (Application, Network and Gateway Load Balancers) ' +
    'or ApplySecurityGroupsToLoadBalancer (Classic) replaced the security groups guarding a ' +
    'load balancer. Swapping in a permissive group exposes every target behind it at once, ' +
    'without touching any rule that security group detectors watch. Medium when a Network Load ' +
    'Balancer is left with no security group, or stops enforcing inbound rules on PrivateLink ' +
    'traffic. Calls made through CloudFormation or another AWS service are ignored. Benign ' +
    'causes: deployments and infrastructure as code outside CloudFormation, consolidating ' +
    'security groups.',
  attack: ['T1562.007'],
  references: [
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_SetSecurityGroups.html',
    'https://docs.aws.amazon.com/elasticloadbalancing/2012-06-01/APIReference/API_ApplySecurityGroupsToLoadBalancer.html',
  ],
  runbook: 'network-exposure',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'elasticloadbalancing.amazonaws.com',
      eventNames: ['SetSecurityGroups', 'ApplySecurityGroupsToLoadBalancer'],
    },
  ],
  match(event) {
    // A network activity event repeats the call without its request: judge the call itself.
    if (!succeeded(event) || calledThroughAwsService(event) || isVpceEvent(event)) return undefined;
    const lb =
      requestField(event, 'loadBalancerArn', 'loadBalancerName') ?? 'an unnamed load balancer';
    const groups = stringList(getPath(event.requestParameters, 'securityGroups'));
    const enforcement = asString(
      getPath(event.requestParameters, 'enforceSecurityGroupInboundRulesOnPrivateLinkTraffic'),
    );
    const enforcementOff = enforcement?.trim().toLowerCase() === 'off';
    const emptied = baseEventName(event.eventName) === 'SetSecurityGroups' && groups.length === 0;
    const severity: Severity | undefined = emptied || enforcementOff ? 'medium' : undefined;
    const what = emptied
      ? 'removed every security group from'
      : `set security groups ${groups.slice(0, 5).join(', ')} on`;
    const privateLink = enforcementOff
      ? ', no longer enforcing inbound rules on PrivateLink traffic'
      : '';
    return {
      summary: `${principalOf(event)} ${what} load balancer ${lb}${privateLink}`,
      severity,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${lb}`,
      resources: [lb, ...groups.slice(0, 10)],
    };
  },
};
