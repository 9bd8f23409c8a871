import { ACCOUNT, cloudTrailEvent, failed, identities, OTHER_ACCOUNT } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

/** PutReplicationConfiguration as ECR logs it: the configuration echoed in the response. */
const replicate = (destinations: unknown) => {
  const replicationConfiguration = { rules: [{ destinations }] };
  return cloudTrailEvent({
    eventSource: 'ecr.amazonaws.com',
    eventName: 'PutReplicationConfiguration',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: { replicationConfiguration },
    responseElements: { replicationConfiguration },
  });
};

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'replication to an unknown account',
      events: [replicate([{ region: 'us-west-2', registryId: OTHER_ACCOUNT }])],
    },
    {
      name: 'one outside destination next to an own region copy',
      events: [
        replicate([
          { region: 'eu-west-1', registryId: ACCOUNT },
          { region: 'eu-west-1', registryId: '777788889999' },
        ]),
      ],
    },
    {
      name: 'a single destination logged as an object',
      events: [replicate({ region: 'us-west-2', registryId: OTHER_ACCOUNT })],
    },
  ],
  noFire: [
    {
      name: 'cross-region replication inside the account',
      events: [replicate([{ region: 'eu-west-1', registryId: ACCOUNT }])],
    },
    {
      name: 'replication to a trusted account',
      events: [replicate([{ region: 'us-west-2', registryId: OTHER_ACCOUNT }])],
      settings: { trustedAccounts: [OTHER_ACCOUNT] },
    },
    {
      name: 'refused',
      events: [
        failed(
          replicate([{ region: 'us-west-2', registryId: OTHER_ACCOUNT }]),
          'AccessDeniedException',
        ),
      ],
    },
  ],
};
