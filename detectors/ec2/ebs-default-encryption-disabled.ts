import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** New EBS volumes and snapshot copies in a region are no longer encrypted by default. */
export const ebsDefaultEncryptionDisabled: Detector = {
  id: 'ebs-default-encryption-disabled',
  title: 'EBS encryption by default disabled',
  severity: 'medium',
  description:
    'DisableEbsEncryptionByDefault succeeded: volumes created from now on in this region ' +
    'are unencrypted unless each request asks otherwise, and unencrypted snapshots of them ' +
    'can be shared publicly (encrypted ones cannot). Attackers do this before copying data ' +
    'out through snapshots. Benign causes: a workload or AMI that cannot boot from encrypted ' +
    'volumes, testing.',
  attack: ['T1486', 'T1562.001'],
  references: [
    'EC2.7',
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DisableEbsEncryptionByDefault.html',
    'https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'ec2.amazonaws.com', eventNames: ['DisableEbsEncryptionByDefault'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const region = event.awsRegion ?? 'an unknown region';
    return {
      summary: `${principalOf(event)} disabled EBS encryption by default in ${region}`,
      dedupKey: `${accountOf(event)}|${region}|${principalForDedup(event)}|EbsEncryptionByDefault`,
      resources: [`${accountOf(event)}:${region}`],
    };
  },
};
