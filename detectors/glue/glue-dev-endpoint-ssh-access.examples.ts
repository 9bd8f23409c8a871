import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const KEY = 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDexamplekeymaterial mallory@laptop';

/** UpdateDevEndpoint as Glue logs it; the response is empty. */
const addKey = cloudTrailEvent({
  eventSource: 'glue.amazonaws.com',
  eventName: 'UpdateDevEndpoint',
  userIdentity: identities.iamUser('mallory'),
  requestParameters: { endpointName: 'etl-dev', addPublicKeys: [KEY] },
  responseElements: null,
});

const create = (roleName: string) =>
  cloudTrailEvent({
    eventSource: 'glue.amazonaws.com',
    eventName: 'CreateDevEndpoint',
    userIdentity: identities.iamUser('mallory'),
    requestParameters: {
      endpointName: 'scratch',
      roleArn: `arn:aws:iam::${ACCOUNT}:role/${roleName}`,
      publicKey: KEY,
      numberOfNodes: 2,
      glueVersion: '1.0',
    },
    responseElements: {
      endpointName: 'scratch',
      status: 'PROVISIONING',
      roleArn: `arn:aws:iam::${ACCOUNT}:role/${roleName}`,
    },
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'a key added to an existing endpoint', events: [addKey] },
    { name: 'an endpoint created with an admin role', events: [create('GlueAdminRole')] },
    {
      name: 'an endpoint created with its own role (medium)',
      events: [create('AWSGlueServiceRole-etl')],
    },
    {
      name: 'a key addition refused: an attempt',
      events: [failed(addKey, 'AccessDeniedException')],
    },
  ],
  noFire: [
    {
      name: 'keys removed only',
      events: [
        { ...addKey, requestParameters: { endpointName: 'etl-dev', deletePublicKeys: [KEY] } },
      ],
    },
    { name: 'the endpoint does not exist', events: [failed(addKey, 'EntityNotFoundException')] },
  ],
};
