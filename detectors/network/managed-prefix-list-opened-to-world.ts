import { addressCoverage } from '../helpers/address-coverage.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { prefixListEntriesAdded, prefixListOf } from '../helpers/prefix-lists.js';
import type { Detector } from '../types.js';

const MAX_LISTED = 3;

/** A customer-managed prefix list was given entries that cover the internet. */
export const managedPrefixListOpenedToWorld: Detector = {
  id: 'managed-prefix-list-opened-to-world',
  title: 'Prefix list given entries that cover the internet',
  severity: 'medium',
  description:
    'CreateManagedPrefixList or ModifyManagedPrefixList put entries in a customer-managed ' +
    'prefix list that together cover the internet (0.0.0.0/0 or ::/0 in any notation, ' +
    '0.0.0.0/1 plus 128.0.0.0/1, 2000::/3, half or more of the public address space). Every ' +
    'security group rule that references the list then lets the internet in, and the records ' +
    'of those rules only show the list id, so this is where the exposure is visible. Medium ' +
    'for the internet, low for a public range of a /8 or more. Benign causes: a list used as ' +
    'a route table destination (a default route through a firewall or transit gateway), a ' +
    'list built for deny rules in a network firewall.',
  attack: ['T1562.007'],
  references: [
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateManagedPrefixList.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyManagedPrefixList.html',
    'https://docs.aws.amazon.com/vpc/latest/userguide/managed-prefix-lists.html',
  ],
  runbook: 'network-exposure',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'ec2.amazonaws.com',
      eventNames: ['CreateManagedPrefixList', 'ModifyManagedPrefixList'],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    const entries = prefixListEntriesAdded(event);
    const { reach } = addressCoverage(entries);
    if (reach === 'narrow') return undefined;
    const list = prefixListOf(event) ?? 'unknown prefix list';
    const more = entries.length > MAX_LISTED ? ` and ${entries.length - MAX_LISTED} more` : '';
    const what = reach === 'internet' ? 'the internet' : 'a wide public address range';
    return {
      summary: `${principalOf(event)} put ${what} in prefix list ${list}: ${entries.slice(0, MAX_LISTED).join(', ')}${more}`,
      severity: reach === 'internet' ? 'medium' : 'low',
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${list}`,
      resources: [list],
    };
  },
};
