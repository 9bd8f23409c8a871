import { changeFinding } from '../helpers/change-tracking.js';
import { succeeded } from '../helpers/outcome.js';
import { identifierOf } from '../helpers/request-values.js';
import type { Detector } from '../types.js';

/** CIS 5.14 / CloudWatch.14: VPC, peering and ClassicLink changes, for the change record. */
export const vpcChanged: Detector = {
  id: 'vpc-changed',
  title: 'VPC or peering changed (CIS 5.14)',
  severity: 'low',
  description:
    'A VPC was created, deleted or had its attributes modified, a peering connection was ' +
    'requested, accepted, rejected or deleted, or ClassicLink was changed: the exact event ' +
    'set of the CIS AWS Foundations "VPC changes" metric filter. An accepted peering ' +
    'connection joins two networks, possibly across accounts. Benign causes: VPC ' +
    'provisioning and peering set-up through infrastructure as code.',
  attack: ['T1562.007'],
  references: [
    'CIS 5.14',
    'CloudWatch.14',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html',
  ],
  runbook: 'network-exposure',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'ec2.amazonaws.com',
      eventNames: [
        'CreateVpc',
        'DeleteVpc',
        'ModifyVpcAttribute',
        'AcceptVpcPeeringConnection',
        'CreateVpcPeeringConnection',
        'DeleteVpcPeeringConnection',
        'RejectVpcPeeringConnection',
        'AttachClassicLinkVpc',
        'DetachClassicLinkVpc',
        'DisableVpcClassicLink',
        'EnableVpcClassicLink',
      ],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    return changeFinding(event, identifierOf(event, ['vpcPeeringConnectionId', 'vpcId']));
  },
};
