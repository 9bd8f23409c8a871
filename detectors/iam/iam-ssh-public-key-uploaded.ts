import { asString, getPath } from '../helpers/fields.js';
import { isAnotherUser, requestString } from '../helpers/iam-target.js';
import { accountOf, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** An SSH public key registered for an IAM user (CodeCommit over SSH). */
export const iamSshPublicKeyUploaded: Detector = {
  id: 'iam-ssh-public-key-uploaded',
  title: 'SSH public key uploaded for an IAM user',
  severity: 'low',
  description:
    'UploadSSHPublicKey succeeded: the holder of the matching private key can now reach ' +
    'CodeCommit repositories over SSH as that IAM user, a credential that survives access-key ' +
    'rotation and password resets and is rarely inventoried. Medium when uploaded for another ' +
    'user (roles, SSO and root always act on someone else when they name a user): a quiet ' +
    'back door into source code. Refused attempts are reported too (one level lower). Benign ' +
    'causes: developers setting up Git over SSH, administrators doing it for them.',
  attack: ['T1098.004', 'T1098.001'],
  references: [
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_UploadSSHPublicKey.html',
    'https://docs.aws.amazon.com/codecommit/latest/userguide/setting-up-ssh-unixes.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'iam.amazonaws.com', eventNames: ['UploadSSHPublicKey'] }],
  match(event) {
    if (!succeeded(event) || event.userIdentity?.type === 'AWSService') return undefined;
    const user = requestString(event, 'userName');
    if (!user) return undefined;
    const other = isAnotherUser(event, user);
    const keyId = asString(getPath(event.responseElements, 'sSHPublicKey', 'sSHPublicKeyId'));
    return {
      summary: `${principalOf(event)} uploaded an SSH public key${keyId ? ` (${keyId})` : ''} for ${other ? `IAM user ${user}` : 'its own user'}`,
      dedupKey: `${accountOf(event)}|ssh-key|${user.toLowerCase()}`,
      resources: keyId ? [user, keyId] : [user],
      severity: other ? 'medium' : 'low',
    };
  },
};
