import { changeFinding } from '../helpers/change-tracking.js';
import { succeeded } from '../helpers/outcome.js';
import { identifierOf } from '../helpers/request-values.js';
import type { Detector } from '../types.js';

/** CIS 5.10 / CloudWatch.10: every security group change, for the change record. */
export const securityGroupChanged: Detector = {
  id: 'security-group-changed',
  title: 'Security group changed (CIS 5.10)',
  severity: 'low',
  description:
    'A security group was created or deleted, or an ingress or egress rule was added or ' +
    'revoked: the exact event set of the CIS AWS Foundations "security group changes" metric ' +
    'filter. This is change tracking; rules that open admin ports to the internet raise ' +
    'security-group-open-to-world. Benign causes: deployments, auto-scaling and load balancer ' +
    'set-up, infrastructure as code.',
  attack: ['T1562.007'],
  references: [
    'CIS 5.10',
    'CloudWatch.10',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html',
  ],
  runbook: 'network-exposure',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'ec2.amazonaws.com',
      eventNames: [
        'AuthorizeSecurityGroupIngress',
        'AuthorizeSecurityGroupEgress',
        'RevokeSecurityGroupIngress',
        'RevokeSecurityGroupEgress',
        'CreateSecurityGroup',
        'DeleteSecurityGroup',
      ],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    return changeFinding(event, identifierOf(event, ['groupId', 'groupName']));
  },
};
