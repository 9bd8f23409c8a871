import { ACCOUNT, cloudTrailEvent, failed, OTHER_ACCOUNT } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const ARN = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/payments/api-key-Qw12Er`;

/** PutResourcePolicy as CloudTrail logs it: the policy is a JSON string. */
const putPolicy = (statement: Record<string, unknown>, blockPublicPolicy = false) =>
  cloudTrailEvent({
    eventSource: 'secretsmanager.amazonaws.com',
    eventName: 'PutResourcePolicy',
    requestParameters: {
      secretId: 'prod/payments/api-key',
      resourcePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*', ...statement },
        ],
      }),
      blockPublicPolicy,
    },
    responseElements: { arn: ARN, name: 'prod/payments/api-key' },
  });

const shared = putPolicy({ Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` } });

export const examples: DetectorExamples = {
  fire: [
    { name: 'secret shared with an untrusted account', events: [shared] },
    { name: 'secret readable by anyone', events: [putPolicy({ Principal: '*' })] },
  ],
  noFire: [
    {
      name: 'a role of the own account',
      events: [
        putPolicy({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/payments-api` } }, true),
      ],
    },
    {
      name: 'shared with a trusted account',
      settings: { trustedAccounts: [OTHER_ACCOUNT] },
      events: [shared],
    },
    {
      name: 'public policy rejected by BlockPublicPolicy',
      events: [
        failed(
          putPolicy({ Principal: '*' }, true),
          'PublicPolicyException',
          'This resource policy contains an unsupported principal.',
        ),
      ],
    },
  ],
};
