import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/**
 * CreateServiceSpecificCredential for a Bedrock API key; IAM answers with the
 * credential's id and user name (the secret itself is not logged).
 */
export const createServiceCredential = (
  requestParameters: Record<string, unknown> = {
    userName: 'svc-llm',
    serviceName: 'bedrock.amazonaws.com',
  },
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'iam.amazonaws.com',
    eventName: 'CreateServiceSpecificCredential',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters,
    responseElements: {
      serviceSpecificCredential: {
        createDate: 'Nov 20, 2026 10:00:00 AM',
        serviceName: 'bedrock.amazonaws.com',
        serviceUserName: 'svc-llm-at-111122223333',
        serviceSpecificCredentialId: 'ACCAEXAMPLE123EXAMPLE',
        userName: 'svc-llm',
        status: 'Active',
      },
    },
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'Bedrock API key for a service user (high)', events: [createServiceCredential()] },
    {
      name: 'a user makes itself CodeCommit Git credentials',
      events: [
        createServiceCredential(
          { userName: 'alice', serviceName: 'codecommit.amazonaws.com' },
          { userIdentity: identities.iamUser('alice') },
        ),
      ],
    },
    {
      name: 'password of an existing credential reset',
      events: [
        createServiceCredential(
          { userName: 'svc-git', serviceSpecificCredentialId: 'ACCAEXAMPLE123EXAMPLE' },
          { eventName: 'ResetServiceSpecificCredential' },
        ),
      ],
    },
    { name: 'refused attempt', events: [failed(createServiceCredential())] },
  ],
  noFire: [
    {
      name: 'quota of two credentials reached',
      events: [failed(createServiceCredential(), 'LimitExceeded')],
    },
    {
      name: 'credential deactivated',
      events: [
        createServiceCredential(
          {
            userName: 'svc-llm',
            serviceSpecificCredentialId: 'ACCAEXAMPLE123EXAMPLE',
            status: 'Inactive',
          },
          { eventName: 'UpdateServiceSpecificCredential', responseElements: null },
        ),
      ],
    },
  ],
};
