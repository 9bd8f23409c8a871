import { asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import type { Detector } from '../types.js';

/** One principal asking for the Windows administrator password of many instances. */
export const ec2PasswordDataBurst: Detector = {
  id: 'ec2-password-data-burst',
  title: 'Windows password data requested for many EC2 instances',
  severity: 'medium',
  description:
    'One principal called GetPasswordData for at least 10 different instances within an hour, ' +
    'whether or not the calls succeeded. The call returns the encrypted local Administrator ' +
    'password of a Windows instance; sweeping many instances is credential harvesting, and ' +
    'denied attempts show someone trying. Distinct instances are counted because tools poll ' +
    'one new instance until its password is ready (the CLI waiter, Terraform ' +
    'get_password_data), which is normal. Benign causes: fleet management scripts, ' +
    'administrators retrieving passwords for a batch of new servers.',
  attack: ['T1552.005', 'T1555'],
  references: ['https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_GetPasswordData.html'],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  threshold: { count: 10, windowSeconds: 3600, distinct: true },
  listensTo: [{ eventSource: 'ec2.amazonaws.com', eventNames: ['GetPasswordData'] }],
  match(event) {
    const instance = asString(getPath(event.requestParameters, 'instanceId'))?.trim();
    if (!instance) return undefined;
    const outcome = event.errorCode ? ` (${event.errorCode})` : '';
    return {
      summary: `${principalOf(event)} requested the Windows password of ${instance}${outcome}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|GetPasswordData`,
      resources: [instance],
      distinctValue: instance,
    };
  },
};
