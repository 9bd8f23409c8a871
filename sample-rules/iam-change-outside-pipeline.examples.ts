import { cloudTrailEvent, failed, identities } from '../detectors/examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../detectors/types.js';

/** PutRolePolicy as IAM logs it: the policy document as the JSON text the caller sent. */
const putRolePolicy = (overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'iam.amazonaws.com',
    eventName: 'PutRolePolicy',
    requestParameters: {
      roleName: 'orders-api',
      policyName: 'read-orders-table',
      policyDocument:
        '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"arn:aws:dynamodb:us-east-1:111122223333:table/orders"}}',
    },
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'an IAM user writes a role policy by hand', events: [putRolePolicy()] },
    {
      name: 'an SSO administrator creates a role in the console',
      events: [
        putRolePolicy({
          eventName: 'CreateRole',
          userIdentity: identities.ssoUser(),
          requestParameters: {
            roleName: 'temp-admin',
            assumeRolePolicyDocument:
              '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}}',
          },
        }),
      ],
    },
  ],
  noFire: [
    {
      name: 'the Terraform pipeline role writes the policy',
      events: [
        putRolePolicy({ userIdentity: identities.assumedRole('TerraformDeployer', 'run-812') }),
      ],
    },
    {
      name: 'an AWS service creating its own role',
      events: [
        putRolePolicy({
          eventName: 'CreateRole',
          userIdentity: identities.awsService('elasticmapreduce.amazonaws.com'),
        }),
      ],
    },
    { name: 'a denied hand-made change', events: [failed(putRolePolicy())] },
    {
      name: 'a read by hand',
      events: [putRolePolicy({ eventName: 'GetRolePolicy', readOnly: true })],
    },
  ],
};
