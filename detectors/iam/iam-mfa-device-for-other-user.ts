import { isAnotherUser, requestString } from '../helpers/iam-target.js';
import { accountOf, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** An MFA device bound to an IAM user by someone else. */
export const iamMfaDeviceForOtherUser: Detector = {
  id: 'iam-mfa-device-for-other-user',
  title: 'MFA device enabled for another IAM user',
  severity: 'medium',
  description:
    'EnableMFADevice succeeded for a user other than the caller: a device the caller holds (it ' +
    'had to send two codes from it) now satisfies MFA for that user. With that user’s ' +
    'password or keys, the attacker passes MFA-conditioned policies and the console MFA ' +
    'prompt, and the real owner may be locked out of registering their own device. ' +
    'CreateVirtualMFADevice names no user (the device is only bound here), so this call is ' +
    'the one that counts. Callers that are not IAM users (roles, SSO, root) always act on ' +
    'someone else. Refused attempts are reported too (one level lower). Benign causes: an ' +
    'administrator or help desk enrolling a user’s hardware token, onboarding scripts.',
  attack: ['T1556.006', 'T1098'],
  references: [
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_EnableMFADevice.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_virtual.html',
  ],
  runbook: 'iam-privilege-escalation',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'iam.amazonaws.com', eventNames: ['EnableMFADevice'] }],
  match(event) {
    if (!succeeded(event) || event.userIdentity?.type === 'AWSService') return undefined;
    const user = requestString(event, 'userName');
    if (!user || !isAnotherUser(event, user)) return undefined;
    const device = requestString(event, 'serialNumber') ?? 'an unnamed device';
    return {
      summary: `${principalOf(event)} enabled MFA device ${device} for IAM user ${user}`,
      dedupKey: `${accountOf(event)}|mfa-device|${user.toLowerCase()}`,
      resources: [user, device],
    };
  },
};
