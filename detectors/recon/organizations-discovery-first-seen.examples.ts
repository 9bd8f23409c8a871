import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const listAccounts = cloudTrailEvent({
  eventSource: 'organizations.amazonaws.com',
  eventName: 'ListAccounts',
  readOnly: true,
  userIdentity: identities.iamUser('leaked-key-user'),
  requestParameters: null,
  responseElements: null,
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'accounts listed (first-seen state decides)', events: [listAccounts] },
    {
      name: 'organisation described by a role',
      events: [
        {
          ...listAccounts,
          eventName: 'DescribeOrganization',
          userIdentity: identities.assumedRole('WebServerRole', 'i-0abcd1234ef567890'),
        },
      ],
    },
  ],
  noFire: [
    {
      name: 'denied (not in the management account)',
      events: [failed(listAccounts, 'AccessDeniedException')],
    },
    {
      name: 'an AWS service listing accounts for itself',
      events: [{ ...listAccounts, userIdentity: identities.awsService('sso.amazonaws.com') }],
    },
    {
      name: 'organisation changed, not explored',
      events: [{ ...listAccounts, eventName: 'CreateAccount', readOnly: false }],
    },
  ],
};
