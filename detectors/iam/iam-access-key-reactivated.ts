import { isAnotherUser, requestString } from '../helpers/iam-target.js';
import { accountOf, callerUserName, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** A deactivated access key switched back on. */
export const iamAccessKeyReactivated: Detector = {
  id: 'iam-access-key-reactivated',
  title: 'Inactive IAM access key reactivated',
  severity: 'medium',
  description:
    'UpdateAccessKey set a key’s status to Active. Keys are deactivated when they leak, when ' +
    'their owner leaves, or before deletion; reactivating one brings back a credential that ' +
    'someone decided should not work, and an intruder holding an old key does it to get back ' +
    'in or keep a spare. High when done to another user’s key (roles, SSO and root always act ' +
    'on someone else when they name a user). Refused attempts are reported too (one level ' +
    'lower). Deactivating a key does not match. Benign causes: undoing a deactivation made ' +
    'by mistake, the last step of a key-rotation test.',
  attack: ['T1098.001'],
  references: [
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAccessKey.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'iam.amazonaws.com', eventNames: ['UpdateAccessKey'] }],
  match(event) {
    if (!succeeded(event) || event.userIdentity?.type === 'AWSService') return undefined;
    if (requestString(event, 'status')?.trim().toLowerCase() !== 'active') return undefined;
    const key = requestString(event, 'accessKeyId') ?? 'an unnamed key';
    // Without a userName, IAM acts on the caller's own key.
    const named = requestString(event, 'userName');
    const owner = named ?? callerUserName(event) ?? String(principalOf(event));
    const other = named !== undefined && isAnotherUser(event, named);
    return {
      summary: `${principalOf(event)} reactivated access key ${key} of ${other ? `IAM user ${owner}` : 'its own user'}`,
      dedupKey: `${accountOf(event)}|access-key-active|${owner.toLowerCase()}`,
      resources: [key, owner],
      severity: other ? 'high' : 'medium',
    };
  },
};
