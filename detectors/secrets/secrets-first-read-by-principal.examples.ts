import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** GetSecretValue as CloudTrail logs it: the secret id in, never the value out. */
export const readSecret = (secretId: string, overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'secretsmanager.amazonaws.com',
    eventName: 'GetSecretValue',
    readOnly: true,
    userIdentity: identities.assumedRole('reporting-task', 'ecs-task-7', 'false'),
    requestParameters: { secretId },
    responseElements: null,
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'a role reads a secret', events: [readSecret('prod/payments/stripe-key')] },
    {
      name: 'an SSO user reads a secret by ARN',
      events: [
        readSecret(`arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/db/admin-Q1w2E3`, {
          userIdentity: identities.ssoUser(),
        }),
      ],
    },
  ],
  noFire: [
    { name: 'denied read', events: [failed(readSecret('prod/payments/stripe-key'))] },
    {
      name: 'CloudFormation resolving a dynamic reference',
      events: [
        readSecret('prod/payments/stripe-key', {
          userIdentity: {
            ...identities.assumedRole('deployer', 'cfn'),
            invokedBy: 'cloudformation.amazonaws.com',
          },
        }),
      ],
    },
    {
      name: 'Secrets Manager DescribeSecret (metadata only)',
      events: [readSecret('prod/payments/stripe-key', { eventName: 'DescribeSecret' })],
    },
  ],
};
