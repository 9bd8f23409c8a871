import { ACCOUNT, cloudTrailEvent, failed, identities, OTHER_ACCOUNT } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** CreateAccessEntry as EKS logs it; the response echoes the entry. */
const createEntry = (
  principalArn: string,
  extra: Record<string, unknown> = {},
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'eks.amazonaws.com',
    eventName: 'CreateAccessEntry',
    userIdentity: identities.assumedRole('Dev', 'mallory'),
    // The cluster is a path parameter, logged as `name`.
    requestParameters: { name: 'prod', principalArn, type: 'STANDARD', ...extra },
    responseElements: {
      accessEntry: {
        clusterName: 'prod',
        principalArn,
        accessEntryArn: `arn:aws:eks:us-east-1:${ACCOUNT}:access-entry/prod/role/${ACCOUNT}/x/0ac9a3f4`,
        type: 'STANDARD',
        ...extra,
      },
    },
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'a role put in system:masters (high)',
      events: [
        createEntry(`arn:aws:iam::${ACCOUNT}:role/helper`, {
          kubernetesGroups: ['system:masters'],
        }),
      ],
    },
    {
      name: 'a role of an unknown account (medium)',
      events: [createEntry(`arn:aws:iam::${OTHER_ACCOUNT}:role/Collector`)],
    },
    { name: 'an own role (low)', events: [createEntry(`arn:aws:iam::${ACCOUNT}:role/developers`)] },
    {
      name: 'refused for lack of permission: an attempt',
      events: [
        failed(
          createEntry(`arn:aws:iam::${ACCOUNT}:role/helper`, {
            kubernetesGroups: ['system:masters'],
          }),
          'AccessDeniedException',
        ),
      ],
    },
  ],
  noFire: [
    {
      name: 'a node role entry created by EKS for a managed node group',
      events: [
        createEntry(
          `arn:aws:iam::${ACCOUNT}:role/eks-node-role`,
          { type: 'EC2_LINUX' },
          {
            userIdentity: { type: 'AWSService', invokedBy: 'eks.amazonaws.com' },
          },
        ),
      ],
    },
    {
      name: 'the entry already exists',
      events: [
        failed(createEntry(`arn:aws:iam::${ACCOUNT}:role/developers`), 'ResourceInUseException'),
      ],
    },
  ],
};
