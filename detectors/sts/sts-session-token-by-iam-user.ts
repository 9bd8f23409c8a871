import { asString, getPath } from '../helpers/fields.js';
import { accountOf, callerUserName, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/** The MFA device the request names (`serialNumber`; STS checks its code before answering). */
function mfaDeviceOf(event: CloudTrailEvent): string | undefined {
  const serial = asString(getPath(event.requestParameters, 'serialNumber'))?.trim();
  return serial ? serial : undefined;
}

/** An IAM user's long-term access key turned into a session token. */
export const stsSessionTokenByIamUser: Detector = {
  id: 'sts-session-token-by-iam-user',
  title: 'Session token minted from an IAM user access key',
  severity: 'medium',
  description:
    'GetSessionToken succeeded for an IAM user: a long-term access key was exchanged for ' +
    'temporary credentials (ASIA…) valid up to 36 hours. Attackers with a leaked key do this ' +
    'so that their later calls show a temporary key that key-based hunting misses, and ' +
    'because STS credentials cannot be revoked, only denied by a policy on the user: ' +
    'deactivating the leaked key leaves the session working. Medium without MFA (the request ' +
    'names no MFA device: nothing but the key was proven); low with one, the documented way ' +
    'users unlock MFA-protected APIs from the CLI. Benign causes: MFA wrappers around the CLI, ' +
    'legacy tools that always refresh a session token.',
  attack: ['T1550.001', 'T1078.004'],
  references: [
    'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_disable-perms.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 86400,
  listensTo: [{ eventSource: 'sts.amazonaws.com', eventNames: ['GetSessionToken'] }],
  match(event) {
    if (!succeeded(event) || event.userIdentity?.type !== 'IAMUser') return undefined;
    if (event.userIdentity.invokedBy) return undefined;
    const user = callerUserName(event) ?? principalOf(event);
    const mfa = mfaDeviceOf(event);
    const duration = getPath(event.requestParameters, 'durationSeconds');
    const hours =
      typeof duration === 'number' && duration > 0
        ? ` for ${Math.round(duration / 360) / 10} h`
        : '';
    return {
      summary: mfa
        ? `IAM user ${user} got a session token${hours} with MFA device ${mfa}`
        : `IAM user ${user} got a session token${hours} from its access key alone, without MFA`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|GetSessionToken|${mfa ? 'mfa' : 'no-mfa'}`,
      resources: [principalOf(event)],
      severity: mfa ? 'low' : 'medium',
    };
  },
};
