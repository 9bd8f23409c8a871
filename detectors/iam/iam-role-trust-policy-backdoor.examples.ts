import { ACCOUNT, cloudTrailEvent, failed, OTHER_ACCOUNT } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const trust = (...statements: unknown[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

/** UpdateAssumeRolePolicy as IAM logs it: the new document as a JSON string. */
const updateTrust = (policyDocument: string) =>
  cloudTrailEvent({
    eventSource: 'iam.amazonaws.com',
    eventName: 'UpdateAssumeRolePolicy',
    requestParameters: { roleName: 'DeployRole', policyDocument },
  });

const GITHUB = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;

const github = (condition: Record<string, unknown>) =>
  trust({
    Effect: 'Allow',
    Principal: { Federated: GITHUB },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: condition,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'anyone may assume the role',
      events: [
        updateTrust(trust({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' })),
      ],
    },
    {
      name: 'an untrusted account may assume the role',
      events: [
        updateTrust(
          trust({
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
            Action: 'sts:AssumeRole',
          }),
        ),
      ],
    },
    {
      name: 'GitHub Actions OIDC trusted with only an audience condition',
      events: [
        updateTrust(
          github({
            StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
          }),
        ),
      ],
    },
    {
      name: 'CreateRole with a foreign account in the trust policy',
      events: [
        cloudTrailEvent({
          eventSource: 'iam.amazonaws.com',
          eventName: 'CreateRole',
          requestParameters: {
            roleName: 'support-access',
            assumeRolePolicyDocument: trust({
              Effect: 'Allow',
              Principal: { AWS: OTHER_ACCOUNT },
              Action: 'sts:AssumeRole',
            }),
          },
        }),
      ],
    },
  ],
  noFire: [
    {
      name: 'Lambda service principal',
      events: [
        updateTrust(
          trust({
            Effect: 'Allow',
            Principal: { Service: 'lambda.amazonaws.com' },
            Action: 'sts:AssumeRole',
          }),
        ),
      ],
    },
    {
      name: 'own account root',
      events: [
        updateTrust(
          trust({
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
            Action: 'sts:AssumeRole',
          }),
        ),
      ],
    },
    {
      name: 'a trusted account',
      settings: { trustedAccounts: [OTHER_ACCOUNT] },
      events: [
        updateTrust(
          trust({
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:role/ci` },
            Action: 'sts:AssumeRole',
          }),
        ),
      ],
    },
    {
      name: 'GitHub Actions OIDC pinned to one organisation',
      events: [
        updateTrust(
          github({
            StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
            StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:example-org/*' },
          }),
        ),
      ],
    },
    {
      name: 'failed update',
      events: [
        failed(
          updateTrust(
            trust({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }),
          ),
          'MalformedPolicyDocument',
          'Invalid principal in policy',
        ),
      ],
    },
  ],
};
