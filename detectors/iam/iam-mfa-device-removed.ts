import { asString, getPath } from '../helpers/fields.js';
import { requestString } from '../helpers/iam-target.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/** The virtual MFA device name the console gives the root user's first device. */
const ROOT_DEVICE = /:mfa\/root-account-mfa-device$/i;

/**
 * Root acting directly, or through a centralized-root-access session (its
 * records carry the Root type too).
 */
function byRoot(event: CloudTrailEvent): boolean {
  return event.userIdentity?.type === 'Root';
}

/**
 * The device belongs to root: its serial says so, or root deactivated a device
 * without naming a user (DeactivateMFADevice then acts on the caller's own).
 * DeleteVirtualMFADevice never names a user, so only the serial tells there.
 */
function rootDevice(event: CloudTrailEvent, serial: string | undefined): boolean {
  if (serial && ROOT_DEVICE.test(serial.trim())) return true;
  return (
    event.eventName === 'DeactivateMFADevice' &&
    byRoot(event) &&
    requestString(event, 'userName') === undefined
  );
}

/** An MFA device was deactivated or deleted: the account is one password away from takeover. */
export const iamMfaDeviceRemoved: Detector = {
  id: 'iam-mfa-device-removed',
  title: 'MFA device deactivated or deleted',
  severity: 'high',
  description:
    'DeactivateMFADevice or DeleteVirtualMFADevice succeeded. Removing MFA lets stolen ' +
    'passwords or keys be used without the second factor, and attackers do it before ' +
    'registering their own device. Critical when the root user does it or the device is ' +
    "root's. Benign causes: a user replacing a lost phone, offboarding (MFA must be " +
    'deactivated before DeleteUser).',
  attack: ['T1556.006', 'T1098'],
  references: [
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeactivateMFADevice.html',
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteVirtualMFADevice.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'iam.amazonaws.com',
      eventNames: ['DeactivateMFADevice', 'DeleteVirtualMFADevice'],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    const serial = asString(getPath(event.requestParameters, 'serialNumber'));
    const root = rootDevice(event, serial);
    const user = requestString(event, 'userName');
    const owner = root ? ' of root' : user ? ` of ${user}` : '';
    const verb = event.eventName === 'DeleteVirtualMFADevice' ? 'deleted' : 'deactivated';
    const device = serial?.trim() || 'unknown device';
    return {
      summary: `${principalOf(event)} ${verb} MFA device ${device}${owner}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${device}`,
      resources: [device],
      severity: root || byRoot(event) ? 'critical' : 'high',
    };
  },
};
