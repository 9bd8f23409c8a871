import { requestString } from '../helpers/iam-target.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** An SSH key pair whose private key AWS never saw was imported. */
export const ec2KeyPairImported: Detector = {
  id: 'ec2-key-pair-imported',
  title: 'EC2 key pair imported',
  severity: 'low',
  description:
    'ImportKeyPair registered a caller-supplied SSH public key. Instances launched with it ' +
    'accept whoever holds the private key, so attackers import their own key to keep access ' +
    'to instances they launch or relaunch. Benign causes: engineers registering their keys, ' +
    'infrastructure-as-code that manages key pairs.',
  attack: ['T1098.004'],
  references: ['https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ImportKeyPair.html'],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'ec2.amazonaws.com', eventNames: ['ImportKeyPair'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const name = requestString(event, 'keyName') ?? 'an unnamed key pair';
    return {
      summary: `${principalOf(event)} imported SSH key pair ${name} in ${event.awsRegion ?? 'an unknown region'}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${name}`,
      resources: [name],
    };
  },
};
