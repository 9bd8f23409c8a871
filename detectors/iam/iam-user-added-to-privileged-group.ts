import { requestString } from '../helpers/iam-target.js';
import { accountOf, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { soundsPrivileged } from '../helpers/privileged-name.js';
import type { Detector } from '../types.js';

/** An IAM user was added to a group whose name says it administers the account. */
export const iamUserAddedToPrivilegedGroup: Detector = {
  id: 'iam-user-added-to-privileged-group',
  title: 'IAM user added to an administrators group',
  severity: 'high',
  description:
    'AddUserToGroup succeeded for a group whose name suggests administrative power (admin, ' +
    'PowerUsers, SuperUsers, FullAccess, break-glass, root, owners). Group membership is the ' +
    'quietest way to escalate: no policy is written, the user inherits everything the group ' +
    'holds. The group is judged by its name only (the call carries nothing else), so a ' +
    'powerful group with a plain name is missed (iam-admin-policy-attached catches ' +
    'AdministratorAccess attached to groups; iam-self-privilege-grant a user adding itself to ' +
    'any group). Refused attempts are reported too (one level lower): a probe with stolen ' +
    'credentials. Benign causes: onboarding an administrator, break-glass drills.',
  attack: ['T1098.003'],
  references: [
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_AddUserToGroup.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_add-remove-users.html',
  ],
  runbook: 'iam-privilege-escalation',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'iam.amazonaws.com', eventNames: ['AddUserToGroup'] }],
  match(event) {
    if (!succeeded(event) || event.userIdentity?.type === 'AWSService') return undefined;
    const group = requestString(event, 'groupName');
    if (!group || !soundsPrivileged(group)) return undefined;
    const user = requestString(event, 'userName') ?? 'an unnamed user';
    const account = accountOf(event);
    const groupArn = `arn:aws:iam::${account}:group/${group}`;
    return {
      summary: `${principalOf(event)} added IAM user ${user} to group ${group}`,
      // Keyed on who joins which group: one alert per new member, however it was made.
      dedupKey: `${account}|group-member|${group.toLowerCase()}|${user.toLowerCase()}`,
      resources: [groupArn, user],
    };
  },
};
