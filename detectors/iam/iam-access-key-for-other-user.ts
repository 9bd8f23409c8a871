import { isAnotherUser, requestString } from '../helpers/iam-target.js';
import { accountOf, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** An access key created for an IAM user other than the caller: a classic backdoor. */
export const iamAccessKeyForOtherUser: Detector = {
  id: 'iam-access-key-for-other-user',
  title: 'Access key created for another IAM user',
  severity: 'high',
  description:
    'CreateAccessKey succeeded for a user other than the caller. An attacker holding one ' +
    'identity mints long-lived keys for another to keep access after the first is revoked. ' +
    'An IAM user creating its own key (userName absent or its own name) does not match. Roles, ' +
    'SSO and federated sessions and the root user have no access keys of their own, so any ' +
    'user they name counts as another user; the root user creating its own key logs no ' +
    'userName and is covered by root-account-used. Benign causes: administrators or ' +
    'automation (CloudFormation, key-rotation jobs) issuing keys for service users. Refused ' +
    'attempts are reported too (one level lower): stolen credentials probing for a way to ' +
    'persist fail first.',
  attack: ['T1098.001'],
  references: [
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccessKey.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
  ],
  runbook: 'iam-privilege-escalation',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'iam.amazonaws.com', eventNames: ['CreateAccessKey'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const userName = requestString(event, 'userName');
    if (!userName || !isAnotherUser(event, userName)) return undefined;
    return {
      summary: `${principalOf(event)} created an access key for IAM user ${userName}`,
      // Keyed on the target user: several keys minted for one user are one incident.
      dedupKey: `${accountOf(event)}|access-key|${userName.toLowerCase()}`,
      resources: [userName],
    };
  },
};
