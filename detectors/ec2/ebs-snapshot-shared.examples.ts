import { ACCOUNT, cloudTrailEvent, failed, identities, OTHER_ACCOUNT } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

function share(verb: 'add' | 'remove', item: Record<string, string>) {
  return cloudTrailEvent({
    eventSource: 'ec2.amazonaws.com',
    eventName: 'ModifySnapshotAttribute',
    userIdentity: identities.iamUser('mallory'),
    requestParameters: {
      snapshotId: 'snap-01b3f7d87a02559a1',
      createVolumePermission: { [verb]: { items: [item] } },
      attributeType: 'CREATE_VOLUME_PERMISSION',
    },
    responseElements: { requestId: 's1', _return: true },
  });
}

const toStranger = share('add', { userId: '999988887777' });

export const examples: DetectorExamples = {
  fire: [
    { name: 'a snapshot is made public (critical)', events: [share('add', { group: 'all' })] },
    { name: 'a snapshot is shared with an unknown account (high)', events: [toStranger] },
    {
      name: 'a denied share is an attempt',
      events: [failed(toStranger, 'Client.UnauthorizedOperation')],
    },
  ],
  noFire: [
    {
      name: 'a snapshot is shared with a trusted account',
      events: [share('add', { userId: OTHER_ACCOUNT })],
      settings: { trustedAccounts: [OTHER_ACCOUNT] },
    },
    {
      name: 'GuardDuty Malware Protection shares a snapshot with its scanning account',
      events: [share('add', { userId: '652050842985' })],
    },
    { name: 'public access is removed', events: [share('remove', { group: 'all' })] },
    { name: 'the own account is named', events: [share('add', { userId: ACCOUNT })] },
    {
      name: 'a share of a snapshot that does not exist',
      events: [failed(toStranger, 'Client.InvalidSnapshot.NotFound')],
    },
    { name: 'requestParameters null', events: [{ ...toStranger, requestParameters: null }] },
  ],
};
