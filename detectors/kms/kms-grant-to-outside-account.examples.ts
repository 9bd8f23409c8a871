import { ACCOUNT, cloudTrailEvent, failed, identities, OTHER_ACCOUNT } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

/** CreateGrant as logged since December 2022: the key ARN also in responseElements. */
export const createGrant = (
  request: Record<string, unknown>,
  overrides: Partial<CloudTrailEvent> = {},
): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 'kms.amazonaws.com',
    eventName: 'CreateGrant',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: { keyId: KEY_ARN, ...request },
    responseElements: {
      grantId: 'f020fe75197b93991dc8491d6f19dd3cebb24ee62277a05914386724f3d48758',
      keyId: KEY_ARN,
    },
    resources: [{ accountId: ACCOUNT, type: 'AWS::KMS::Key', ARN: KEY_ARN }],
    ...overrides,
  });

const decryptForOther = createGrant({
  granteePrincipal: `arn:aws:iam::${OTHER_ACCOUNT}:role/reader`,
  operations: ['Decrypt', 'DescribeKey'],
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'role in another account may decrypt', events: [decryptForOther] },
    {
      name: 'another account root may encrypt only (medium)',
      events: [
        createGrant({
          granteePrincipal: `arn:aws:iam::${OTHER_ACCOUNT}:root`,
          operations: ['Encrypt', 'GenerateDataKey'],
        }),
      ],
    },
    {
      name: 'outside retiring principal on a grant to our role (medium)',
      events: [
        createGrant({
          granteePrincipal: `arn:aws:iam::${ACCOUNT}:role/app`,
          retiringPrincipal: `arn:aws:iam::${OTHER_ACCOUNT}:user/ops`,
          operations: ['Decrypt'],
        }),
      ],
    },
  ],
  noFire: [
    {
      name: 'grant to our own role',
      events: [
        createGrant({
          granteePrincipal: `arn:aws:iam::${ACCOUNT}:role/reader`,
          operations: ['Decrypt'],
        }),
      ],
    },
    {
      name: 'grant to a trusted account',
      events: [decryptForOther],
      settings: { trustedAccounts: [OTHER_ACCOUNT] },
    },
    {
      name: 'grant to an AWS service principal, as KMS documents it',
      events: [
        createGrant({
          granteePrincipal: 'dynamodb.us-east-1.amazonaws.com',
          operations: ['Encrypt', 'RetireGrant'],
          constraints: { encryptionContextSubset: { ContextKey1: 'Value1' } },
        }),
      ],
    },
    {
      name: 'EBS creating a grant on our behalf',
      events: [
        createGrant(
          {
            granteePrincipal: `arn:aws:iam::${OTHER_ACCOUNT}:role/copier`,
            operations: ['Decrypt', 'ReEncryptFrom'],
          },
          { userIdentity: identities.awsService('ebs.amazonaws.com') },
        ),
      ],
    },
    { name: 'refused call', events: [failed(decryptForOther, 'AccessDeniedException')] },
  ],
};
