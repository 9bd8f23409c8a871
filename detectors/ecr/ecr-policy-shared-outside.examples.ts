import { ACCOUNT, cloudTrailEvent, failed, identities, OTHER_ACCOUNT } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const policy = (statement: Record<string, unknown>) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [statement] });

const PULL = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];

/** PutRegistryPolicy as ECR logs it: the policy as a JSON string, echoed in the response. */
const registryPolicy = (statement: Record<string, unknown>) =>
  cloudTrailEvent({
    eventSource: 'ecr.amazonaws.com',
    eventName: 'PutRegistryPolicy',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: { policyText: policy(statement) },
    responseElements: { registryId: ACCOUNT, policyText: policy(statement) },
  });

const repositoryPolicy = (statement: Record<string, unknown>) =>
  cloudTrailEvent({
    eventSource: 'ecr.amazonaws.com',
    eventName: 'SetRepositoryPolicy',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: {
      repositoryName: 'orders-service',
      policyText: policy(statement),
      force: false,
    },
    responseElements: {
      registryId: ACCOUNT,
      repositoryName: 'orders-service',
      policyText: policy(statement),
    },
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'registry policy lets anyone replicate and create repositories',
      events: [
        registryPolicy({
          Sid: 'ReplicationAccess',
          Effect: 'Allow',
          Principal: '*',
          Action: ['ecr:CreateRepository', 'ecr:ReplicateImage'],
          Resource: `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/*`,
        }),
      ],
    },
    {
      name: 'repository shared with an unknown account',
      events: [
        repositoryPolicy({
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
          Action: PULL,
        }),
      ],
    },
    {
      name: 'anyone in a foreign organisation',
      events: [
        repositoryPolicy({
          Effect: 'Allow',
          Principal: '*',
          Action: PULL,
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-attacker123' } },
        }),
      ],
      settings: { trustedOrganizationIds: ['o-ours456789'] },
    },
  ],
  noFire: [
    {
      name: 'pinned to our organisation',
      events: [
        repositoryPolicy({
          Effect: 'Allow',
          Principal: '*',
          Action: PULL,
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-ours456789' } },
        }),
      ],
      settings: { trustedOrganizationIds: ['o-ours456789'] },
    },
    {
      name: 'a public repository (resource-policy-made-public reports it)',
      events: [repositoryPolicy({ Effect: 'Allow', Principal: '*', Action: PULL })],
    },
    {
      name: 'shared with a trusted account',
      events: [
        registryPolicy({
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
          Action: ['ecr:ReplicateImage'],
        }),
      ],
      settings: { trustedAccounts: [OTHER_ACCOUNT] },
    },
    {
      name: 'refused',
      events: [
        failed(
          registryPolicy({ Effect: 'Allow', Principal: '*', Action: ['ecr:ReplicateImage'] }),
          'AccessDeniedException',
        ),
      ],
    },
  ],
};
