import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** AddUserToGroup: the group and the user in, nothing out. */
export const addUserToGroup = (
  groupName: string,
  userName = 'svc-reports',
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'iam.amazonaws.com',
    eventName: 'AddUserToGroup',
    userIdentity: identities.assumedRole('ci-deployer', 'build-8814'),
    requestParameters: { groupName, userName },
    responseElements: null,
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'service user added to Admins', events: [addUserToGroup('Admins')] },
    { name: 'PowerUsers group', events: [addUserToGroup('platform-power-users', 'bob')] },
    {
      name: 'a user adds itself to SysAdministrators',
      events: [
        addUserToGroup('SysAdministrators', 'alice', { userIdentity: identities.iamUser('alice') }),
      ],
    },
    { name: 'refused attempt', events: [failed(addUserToGroup('Administrators'))] },
  ],
  noFire: [
    { name: 'an ordinary team group', events: [addUserToGroup('data-analysts')] },
    {
      name: 'group does not exist',
      events: [
        failed(
          addUserToGroup('Admins'),
          'NoSuchEntity',
          'The group with name Admins cannot be found.',
        ),
      ],
    },
    {
      name: 'removed from Admins instead',
      events: [addUserToGroup('Admins', 'bob', { eventName: 'RemoveUserFromGroup' })],
    },
  ],
};
