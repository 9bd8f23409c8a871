import { ACCOUNT, cloudTrailEvent, failed, OTHER_ACCOUNT } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';

const ownerStatement = {
  Sid: 'Enable IAM User Permissions',
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
  Action: 'kms:*',
  Resource: '*',
};

/** PutKeyPolicy as CloudTrail logs it: the policy is a JSON string. */
const putKeyPolicy = (...statements: unknown[]) =>
  cloudTrailEvent({
    eventSource: 'kms.amazonaws.com',
    eventName: 'PutKeyPolicy',
    requestParameters: {
      keyId: KEY_ID,
      policyName: 'default',
      policy: JSON.stringify({ Version: '2012-10-17', Id: 'key-default-1', Statement: statements }),
      bypassPolicyLockoutSafetyCheck: false,
    },
    resources: [
      {
        accountId: ACCOUNT,
        type: 'AWS::KMS::Key',
        ARN: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${KEY_ID}`,
      },
    ],
  });

const shareWithOther = putKeyPolicy(ownerStatement, {
  Sid: 'Allow use of the key',
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
  Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:CreateGrant'],
  Resource: '*',
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'key shared with an untrusted account', events: [shareWithOther] },
    {
      name: 'anyone may decrypt',
      events: [
        putKeyPolicy(ownerStatement, {
          Effect: 'Allow',
          Principal: '*',
          Action: 'kms:Decrypt',
          Resource: '*',
        }),
      ],
    },
    {
      name: 'evasion: anyone whose role is called Admin, in any account',
      events: [
        putKeyPolicy(ownerStatement, {
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: 'kms:Decrypt',
          Resource: '*',
          Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/Admin' } },
        }),
      ],
    },
  ],
  noFire: [
    { name: 'the default key policy', events: [putKeyPolicy(ownerStatement)] },
    {
      name: 'any principal of the own account through one service (AWS-managed style)',
      events: [
        putKeyPolicy(ownerStatement, {
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey*'],
          Resource: '*',
          Condition: {
            StringEquals: {
              'kms:CallerAccount': ACCOUNT,
              'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com',
            },
          },
        }),
      ],
    },
    {
      name: 'shared with a trusted account',
      settings: { trustedAccounts: [OTHER_ACCOUNT] },
      events: [shareWithOther],
    },
    { name: 'failed call', events: [failed(shareWithOther)] },
  ],
};
