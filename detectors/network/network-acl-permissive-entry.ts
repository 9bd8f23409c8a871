import { getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { type NaclEntry, naclEntryOf, naclExposure } from '../helpers/nacl-entry.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import type { Detector } from '../types.js';

function reach(entry: NaclEntry): string {
  if (entry.protocol === 'all') return 'all traffic';
  const ports =
    entry.fromPort === entry.toPort ? `${entry.fromPort}` : `${entry.fromPort}-${entry.toPort}`;
  return `${entry.protocol} ${ports}`;
}

/** An inbound network ACL entry lets the whole internet in on every port or an admin port. */
export const networkAclPermissiveEntry: Detector = {
  id: 'network-acl-permissive-entry',
  title: 'Network ACL allows inbound traffic from the internet',
  severity: 'high',
  description:
    'CreateNetworkAclEntry or ReplaceNetworkAclEntry added an inbound allow rule from ' +
    '0.0.0.0/0 or ::/0. High when the rule reaches a remote-administration, file-sharing or ' +
    'database port (22, 3389, 445, 3306, ...) through a deliberate port range; medium when ' +
    'it allows every protocol or port (the AWS default ACL does this, so it removes a layer ' +
    'rather than opens a door). Not alerted: deny rules, egress rules, web ports, ICMP, and ' +
    'the 1024-65535 return-traffic range that stateless ACLs need. Benign causes: public ' +
    'subnets for bastions or VPN endpoints, resetting an ACL to allow-all.',
  attack: ['T1562.007', 'T1133'],
  references: [
    'CIS 5.11',
    'CloudWatch.11',
    'EC2.21',
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateNetworkAclEntry.html',
    'https://docs.aws.amazon.com/vpc/latest/userguide/custom-network-acl.html',
  ],
  runbook: 'network-exposure',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'ec2.amazonaws.com',
      eventNames: ['CreateNetworkAclEntry', 'ReplaceNetworkAclEntry'],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    const entry = naclEntryOf(event.requestParameters);
    const exposure = naclExposure(entry);
    if (!exposure) return undefined;
    const acl = requestField(event, 'networkAclId') ?? 'unknown network ACL';
    const rule = getPath(event.requestParameters, 'ruleNumber');
    const ruleText = typeof rule === 'number' || typeof rule === 'string' ? ` (rule ${rule})` : '';
    return {
      summary: `${principalOf(event)} allowed ${reach(entry)} from ${entry.cidr} into ${acl}${ruleText}`,
      severity: exposure === 'admin' ? 'high' : 'medium',
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${acl}`,
      resources: [acl],
    };
  },
};
