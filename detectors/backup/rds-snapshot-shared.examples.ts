import { cloudTrailEvent, failed, identities, OTHER_ACCOUNT } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

function restoreAttribute(
  values: Record<string, unknown>,
  eventName = 'ModifyDBSnapshotAttribute',
) {
  return cloudTrailEvent({
    eventSource: 'rds.amazonaws.com',
    eventName,
    userIdentity: identities.iamUser('mallory'),
    requestParameters: {
      dBSnapshotIdentifier: 'orders-prod-2026-11-19',
      attributeName: 'restore',
      ...values,
    },
    responseElements: {
      dBSnapshotIdentifier: 'orders-prod-2026-11-19',
      dBSnapshotAttributes: [{ attributeName: 'restore', attributeValues: ['all'] }],
    },
  });
}

const toStranger = restoreAttribute({ valuesToAdd: ['999988887777'] });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'a snapshot is made public (critical)',
      events: [restoreAttribute({ valuesToAdd: ['all'] })],
    },
    { name: 'a snapshot is shared with an unknown account', events: [toStranger] },
    {
      name: 'a cluster snapshot is shared with an unknown account',
      events: [
        {
          ...restoreAttribute(
            { valuesToAdd: ['999988887777'] },
            'ModifyDBClusterSnapshotAttribute',
          ),
          requestParameters: {
            dBClusterSnapshotIdentifier: 'aurora-orders-final',
            attributeName: 'restore',
            valuesToAdd: ['999988887777'],
          },
        },
      ],
    },
  ],
  noFire: [
    {
      name: 'a snapshot is shared with a trusted account',
      events: [restoreAttribute({ valuesToAdd: [OTHER_ACCOUNT] })],
      settings: { trustedAccounts: [OTHER_ACCOUNT] },
    },
    { name: 'public access is removed', events: [restoreAttribute({ valuesToRemove: ['all'] })] },
    { name: 'a denied share', events: [failed(toStranger, 'AccessDenied')] },
    { name: 'requestParameters null', events: [{ ...toStranger, requestParameters: null }] },
  ],
};
