import { networkExposureChanges, principalTimeline, sourceIpActivity } from '../queries/index.js';
import type { Runbook } from '../schema.js';
import {
  denyAllForUser,
  detectionGapStep,
  revokeRoleSessions,
  timelineStep,
} from './shared-steps.js';

export const networkExposure: Runbook = {
  id: 'network-exposure',
  title: 'Network exposed to the internet',
  summary:
    'A security group (or ACL, route, gateway) now admits the whole internet, often on an admin ' +
    'port. Close it, then check whether anything connected while it was open.',
  detectors: [
    'load-balancer-security-groups-changed',
    'managed-prefix-list-opened-to-world',
    'network-acl-changed',
    'network-acl-permissive-entry',
    'network-gateway-changed',
    'rds-made-public',
    'route-table-changed',
    'security-group-changed',
    'security-group-open-to-world',
    'security-group-rule-modified-to-world',
    'traffic-mirroring-created',
    'vpc-changed',
  ],
  severity: {
    P1: 'Admin or database port (22, 3389, 3306, 5432...) open to 0.0.0.0/0 or ::/0 on a group attached to running instances.',
    P2: 'Other ports open to the world on attached groups, or admin ports on an unattached group.',
    P3: 'Web ports on a group meant for a load balancer, opened without a ticket.',
    P4: 'Intended public endpoint confirmed.',
  },
  phases: {
    triage: [
      {
        title: 'Read the group rules now',
        command:
          'aws ec2 describe-security-group-rules --region {region} --filters Name=group-id,Values=<GROUP_ID>',
      },
      {
        title: 'Find what the group protects',
        command:
          'aws ec2 describe-network-interfaces --region {region} --filters Name=group-id,Values=<GROUP_ID>',
      },
    ],
    contain: [
      {
        title: 'Revoke the world-open rule',
        command:
          "aws ec2 revoke-security-group-ingress --region {region} --group-id <GROUP_ID> --ip-permissions 'IpProtocol=tcp,FromPort=<PORT>,ToPort=<PORT>,IpRanges=[{CidrIp=0.0.0.0/0}]'",
        approval: true,
      },
      denyAllForUser,
      revokeRoleSessions,
    ],
    eradicate: [
      {
        title: 'Check for connections while the port was open',
        detail:
          'VPC flow logs for the network interfaces above, accepted traffic from outside your ranges; sign-in logs on the hosts.',
      },
      {
        title: 'Revert other network changes by the same actor',
        detail: 'network-exposure-changes: routes, gateways, ACL entries, peering.',
      },
    ],
    recover: [
      {
        title: 'Rebuild any host with signs of access',
        detail: 'Snapshot the volumes for forensics first; replace from a known-good image.',
        command:
          'aws ec2 create-snapshot --region {region} --volume-id <VOLUME_ID> --description incident-evidence',
      },
    ],
    postIncident: [
      timelineStep,
      {
        title: 'Prevent world-open admin ports',
        detail:
          'Session Manager instead of SSH/RDP, AWS Config rule restricted-ssh, Firewall Manager policies.',
      },
      detectionGapStep,
    ],
  },
  queries: [networkExposureChanges, principalTimeline, sourceIpActivity],
  references: [
    'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html',
    'https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html',
    'https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager.html',
  ],
};
