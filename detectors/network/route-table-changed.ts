import { changeFinding } from '../helpers/change-tracking.js';
import { succeeded } from '../helpers/outcome.js';
import { identifierOf } from '../helpers/request-values.js';
import type { Detector } from '../types.js';

/** CIS 5.13 / CloudWatch.13: route and route table changes, for the change record. */
export const routeTableChanged: Detector = {
  id: 'route-table-changed',
  title: 'Route table changed (CIS 5.13)',
  severity: 'low',
  description:
    'A route or route table was created, replaced or deleted, or a subnet association was ' +
    'replaced or removed: the exact event set of the CIS AWS Foundations "route table ' +
    'changes" metric filter. A changed route can send traffic through a host an attacker ' +
    'controls or open a private subnet to the internet. Only EC2 calls count: API Gateway ' +
    'v2 has its own CreateRoute/DeleteRoute. Benign causes: VPC provisioning, transit ' +
    'gateway and VPN routing, infrastructure as code.',
  attack: ['T1562.007'],
  references: [
    'CIS 5.13',
    'CloudWatch.13',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html',
  ],
  runbook: 'network-exposure',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'ec2.amazonaws.com',
      eventNames: [
        'CreateRoute',
        'CreateRouteTable',
        'ReplaceRoute',
        'ReplaceRouteTableAssociation',
        'DeleteRouteTable',
        'DeleteRoute',
        'DisassociateRouteTable',
      ],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    return changeFinding(event, identifierOf(event, ['routeTableId', 'associationId']));
  },
};
