import { changeFinding } from '../helpers/change-tracking.js';
import { succeeded } from '../helpers/outcome.js';
import { identifierOf } from '../helpers/request-values.js';
import type { Detector } from '../types.js';

/** CIS 5.12 / CloudWatch.12: internet and customer gateway changes, for the change record. */
export const networkGatewayChanged: Detector = {
  id: 'network-gateway-changed',
  title: 'Network gateway changed (CIS 5.12)',
  severity: 'low',
  description:
    'An internet gateway was created, deleted, attached or detached, or a customer gateway ' +
    '(the on-premises end of a site-to-site VPN) was created or deleted: the exact event set ' +
    'of the CIS AWS Foundations "network gateway changes" metric filter. Attaching an ' +
    'internet gateway gives a VPC a path to the internet. Benign causes: VPC provisioning, ' +
    'VPN set-up, infrastructure as code.',
  attack: ['T1562.007'],
  references: [
    'CIS 5.12',
    'CloudWatch.12',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html',
  ],
  runbook: 'network-exposure',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'ec2.amazonaws.com',
      eventNames: [
        'CreateCustomerGateway',
        'DeleteCustomerGateway',
        'AttachInternetGateway',
        'CreateInternetGateway',
        'DeleteInternetGateway',
        'DetachInternetGateway',
      ],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    return changeFinding(event, identifierOf(event, ['internetGatewayId', 'customerGatewayId']));
  },
};
