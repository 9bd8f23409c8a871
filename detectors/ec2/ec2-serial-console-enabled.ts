import { requestString } from '../helpers/iam-target.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector, FindingDraft } from '../types.js';

/** Serial console access was turned on for the account, or a serial console key was pushed. */
export const ec2SerialConsoleEnabled: Detector = {
  id: 'ec2-serial-console-enabled',
  title: 'EC2 serial console enabled or used',
  severity: 'medium',
  description:
    'EnableSerialConsoleAccess turned on EC2 serial console access for the account in a ' +
    "region, or SendSerialConsoleSSHPublicKey pushed a key to reach one instance's serial " +
    'console. The serial console is out-of-band: it works with no network path to the ' +
    'instance and bypasses security groups, so attackers use it to reach instances they ' +
    'cannot reach otherwise. A call refused for lack of permission is reported as an attempt ' +
    'one level lower. Benign causes: recovering an instance that lost networking or ' +
    'fails to boot.',
  attack: ['T1021', 'T1098.004'],
  references: [
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_EnableSerialConsoleAccess.html',
    'https://docs.aws.amazon.com/ec2-instance-connect/latest/APIReference/API_SendSerialConsoleSSHPublicKey.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-serial-console.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    { eventSource: 'ec2.amazonaws.com', eventNames: ['EnableSerialConsoleAccess'] },
    {
      eventSource: 'ec2-instance-connect.amazonaws.com',
      eventNames: ['SendSerialConsoleSSHPublicKey'],
    },
  ],
  match(event): FindingDraft | undefined {
    if (!succeeded(event)) return undefined;
    const who = principalOf(event);
    const key = `${accountOf(event)}|${principalForDedup(event)}`;
    if (event.eventName === 'EnableSerialConsoleAccess') {
      return {
        summary: `${who} enabled EC2 serial console access in ${event.awsRegion ?? 'an unknown region'}`,
        dedupKey: `${key}|enable|${event.awsRegion ?? ''}`,
      };
    }
    const instance = requestString(event, 'instanceId') ?? 'an unnamed instance';
    return {
      summary: `${who} pushed a serial console SSH key to ${instance}`,
      dedupKey: `${key}|${instance}`,
      resources: [instance],
    };
  },
};
