import { requestString } from '../helpers/iam-target.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** EC2 Instance Connect keys pushed by one principal to two or more instances within an hour. */
export const ec2InstanceConnectKeyPushed: Detector = {
  id: 'ec2-instance-connect-key-pushed',
  title: 'EC2 Instance Connect keys pushed to several instances',
  severity: 'medium',
  description:
    'One principal used EC2 Instance Connect SendSSHPublicKey on 2 or more distinct instances ' +
    'within an hour. The call installs a caller-chosen SSH key on the instance for 60 ' +
    'seconds, so anyone with the permission can log in without the instance key pair; ' +
    'attackers hop from instance to instance this way. Serial console key pushes are reported ' +
    'by ec2-serial-console-enabled. A call refused for lack of permission is reported as an attempt ' +
    'one level lower. Benign causes: engineers connecting to a few instances ' +
    'while troubleshooting, the EC2 console "Connect" button.',
  attack: ['T1098.004', 'T1021.004'],
  references: [
    'https://docs.aws.amazon.com/ec2-instance-connect/latest/APIReference/API_SendSSHPublicKey.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-connect-methods.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  threshold: { count: 2, windowSeconds: 3600, distinct: true },
  listensTo: [
    { eventSource: 'ec2-instance-connect.amazonaws.com', eventNames: ['SendSSHPublicKey'] },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    const instance = requestString(event, 'instanceId');
    if (!instance) return undefined;
    const osUser = requestString(event, 'instanceOSUser') ?? 'an unnamed user';
    return {
      summary: `${principalOf(event)} pushed an SSH key for ${osUser} to ${instance}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}`,
      resources: [instance],
      distinctValue: instance,
    };
  },
};
