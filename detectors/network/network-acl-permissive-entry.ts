import { getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import {
  type NaclEntry,
  type NaclOpening,
  naclEntryOf,
  naclOpening,
} from '../helpers/nacl-entry.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import type { Detector, Severity } from '../types.js';

function reach(entry: NaclEntry): string {
  if (entry.protocol === 'all') return 'all traffic';
  const ports =
    entry.fromPort === entry.toPort ? `${entry.fromPort}` : `${entry.fromPort}-${entry.toPort}`;
  return `${entry.protocol} ${ports}`;
}

/** The internet on an admin port is high, every port medium; a wide public range one step lower. */
const SEVERITY: Readonly<
  Record<NaclOpening['reach'], Readonly<Record<NaclOpening['exposure'], Severity>>>
> = {
  internet: { admin: 'high', all: 'medium' },
  wide: { admin: 'medium', all: 'low' },
};

/** An inbound network ACL entry lets the whole internet in on every port or an admin port. */
export const networkAclPermissiveEntry: Detector = {
  id: 'network-acl-permissive-entry',
  title: 'Network ACL allows inbound traffic from the internet',
  severity: 'high',
  description:
    'CreateNetworkAclEntry or ReplaceNetworkAclEntry added an inbound allow rule from the ' +
    'internet: 0.0.0.0/0 or ::/0 in any notation (0.0.0.0/00, uncompressed or IPv4-mapped ' +
    'IPv6), or a block covering half the public address space such as 0.0.0.0/1 or 2000::/3 ' +
    '(all of the IPv6 internet). High when the rule reaches a remote-administration, ' +
    'file-sharing or database port (22, 3389, 445, 3306, ...) through a deliberate port range; ' +
    'medium when it allows every protocol or port (the AWS default ACL does this, so it ' +
    'removes a layer rather than opens a door). A public block of a /8 or more that is less ' +
    'than half the internet is one step lower. Not alerted: deny rules, egress rules, web ' +
    'ports, ICMP, and the 1024-65535 return-traffic range that stateless ACLs need. Entries ' +
    'are judged one at a time: blocks split over several entries of one ACL are not added up. ' +
    'Benign causes: public subnets for bastions or VPN endpoints, resetting an ACL to allow-all.',
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
    const opening = naclOpening(entry);
    if (!opening) return undefined;
    const acl = requestField(event, 'networkAclId') ?? 'unknown network ACL';
    const rule = getPath(event.requestParameters, 'ruleNumber');
    const ruleText = typeof rule === 'number' || typeof rule === 'string' ? ` (rule ${rule})` : '';
    return {
      summary: `${principalOf(event)} allowed ${reach(entry)} from ${entry.cidr} into ${acl}${ruleText}`,
      severity: SEVERITY[opening.reach][opening.exposure],
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${acl}`,
      resources: [acl],
    };
  },
};
