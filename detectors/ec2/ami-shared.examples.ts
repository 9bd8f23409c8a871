import { cloudTrailEvent, failed, identities, OTHER_ACCOUNT } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

function launchPermission(verb: 'add' | 'remove', item: Record<string, string>) {
  return cloudTrailEvent({
    eventSource: 'ec2.amazonaws.com',
    eventName: 'ModifyImageAttribute',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: {
      imageId: 'ami-0abcdef1234567890',
      launchPermission: { [verb]: { items: [item] } },
      attributeType: 'launchPermission',
    },
    responseElements: { requestId: 'i1', _return: true },
  });
}

const orgArn = 'arn:aws:organizations::123456789012:organization/o-exampleorgid';

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'a denied public share is an attempt',
      events: [failed(launchPermission('add', { group: 'all' }), 'Client.UnauthorizedOperation')],
    },
    {
      name: 'an AMI is made public (critical)',
      events: [launchPermission('add', { group: 'all' })],
    },
    {
      name: 'an AMI is shared with an unknown account (high)',
      events: [launchPermission('add', { userId: '999988887777' })],
    },
    {
      name: 'an AMI is shared with a foreign organisation (high)',
      events: [launchPermission('add', { organizationArn: orgArn })],
      settings: { trustedOrganizationIds: ['o-ourorg12345'] },
    },
  ],
  noFire: [
    {
      name: 'an AMI is shared with our organisation',
      events: [
        launchPermission('add', {
          organizationalUnitArn:
            'arn:aws:organizations::123456789012:ou/o-ourorg12345/ou-ab12-cdef3456',
        }),
      ],
      settings: { trustedOrganizationIds: ['o-ourorg12345'] },
    },
    {
      name: 'an AMI is shared with a trusted account',
      events: [launchPermission('add', { userId: OTHER_ACCOUNT })],
      settings: { trustedAccounts: [OTHER_ACCOUNT] },
    },
    {
      name: 'public launch permission is removed',
      events: [launchPermission('remove', { group: 'all' })],
    },
    {
      name: 'the description is changed',
      events: [
        {
          ...launchPermission('add', { group: 'all' }),
          requestParameters: {
            imageId: 'ami-0abcdef1234567890',
            description: { value: 'golden image v42' },
            attributeType: 'description',
          },
        },
      ],
    },
    {
      name: 'a share of an AMI that does not exist',
      events: [failed(launchPermission('add', { group: 'all' }), 'Client.InvalidAMIID.NotFound')],
    },
  ],
};
