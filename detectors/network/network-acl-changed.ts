import { changeFinding } from '../helpers/change-tracking.js';
import { succeeded } from '../helpers/outcome.js';
import { identifierOf } from '../helpers/request-values.js';
import type { Detector } from '../types.js';

/** CIS 5.11 / CloudWatch.11: every network ACL change, for the change record. */
export const networkAclChanged: Detector = {
  id: 'network-acl-changed',
  title: 'Network ACL changed (CIS 5.11)',
  severity: 'low',
  description:
    'A network ACL or one of its entries was created, replaced or deleted, or a subnet was ' +
    'moved to another ACL: the exact event set of the CIS AWS Foundations "NACL changes" ' +
    'metric filter. This is change tracking; inbound allow-from-anywhere entries raise ' +
    'network-acl-permissive-entry. Benign causes: VPC provisioning and network maintenance.',
  attack: ['T1562.007'],
  references: [
    'CIS 5.11',
    'CloudWatch.11',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html',
  ],
  runbook: 'network-exposure',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'ec2.amazonaws.com',
      eventNames: [
        'CreateNetworkAcl',
        'CreateNetworkAclEntry',
        'DeleteNetworkAcl',
        'DeleteNetworkAclEntry',
        'ReplaceNetworkAclEntry',
        'ReplaceNetworkAclAssociation',
      ],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    return changeFinding(event, identifierOf(event, ['networkAclId', 'associationId']));
  },
};
