import { ACCOUNT, cloudTrailEvent, failed, identities, OTHER_ACCOUNT } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const FILE_SYSTEM = 'fs-0123456789abcdef0';
const FILE_SYSTEM_ARN = `arn:aws:elasticfilesystem:us-east-1:${ACCOUNT}:file-system/${FILE_SYSTEM}`;
const MOUNT_WRITE = ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'];

/** PutFileSystemPolicy as logged: the policy a JSON string, echoed in the response. */
export const putPolicy = (...statements: Record<string, unknown>[]): CloudTrailEvent => {
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Id: 'efs-policy-wizard-2f6a3c1e',
    Statement: statements.map((s, i) => ({
      Sid: `efs-statement-${i}`,
      Effect: 'Allow',
      Resource: FILE_SYSTEM_ARN,
      ...s,
    })),
  });
  return cloudTrailEvent({
    eventSource: 'elasticfilesystem.amazonaws.com',
    eventName: 'PutFileSystemPolicy',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: { fileSystemId: FILE_SYSTEM, policy, bypassPolicyLockoutSafetyCheck: false },
    responseElements: { fileSystemId: FILE_SYSTEM, policy },
  });
};

const deletePolicy = cloudTrailEvent({
  eventSource: 'elasticfilesystem.amazonaws.com',
  eventName: 'DeleteFileSystemPolicy',
  userIdentity: identities.assumedRole('Admin', 'mallory'),
  requestParameters: { fileSystemId: FILE_SYSTEM },
  responseElements: null,
});

const anyoneRoot = putPolicy({
  Principal: { AWS: '*' },
  Action: [...MOUNT_WRITE, 'elasticfilesystem:ClientRootAccess'],
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'anyone may mount with root access', events: [anyoneRoot] },
    {
      name: 'another account may mount and write',
      events: [
        putPolicy({
          Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
          Action: MOUNT_WRITE,
        }),
      ],
    },
    {
      name: 'console wizard style: anyone through a mount target, no root (medium)',
      events: [
        putPolicy({
          Principal: { AWS: '*' },
          Action: MOUNT_WRITE,
          Condition: { Bool: { 'elasticfilesystem:AccessedViaMountTarget': 'true' } },
        }),
      ],
    },
    {
      name: 'NotAction leaves root access to anyone',
      events: [putPolicy({ Principal: '*', NotAction: 'elasticfilesystem:DeleteAccessPoint' })],
    },
    { name: 'policy deleted: back to access without IAM (medium)', events: [deletePolicy] },
  ],
  noFire: [
    {
      name: 'our own role may mount',
      events: [
        putPolicy({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/app` }, Action: MOUNT_WRITE }),
      ],
    },
    {
      name: 'anyone of our organisation',
      events: [
        putPolicy({
          Principal: { AWS: '*' },
          Action: MOUNT_WRITE,
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
        }),
      ],
      settings: { trustedOrganizationIds: ['o-a1b2c3d4e5'] },
    },
    {
      name: 'deny-only policy enforcing TLS',
      events: [
        putPolicy({
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      ],
    },
    { name: 'refused call', events: [failed(anyoneRoot, 'AccessDeniedException')] },
    { name: 'delete with no policy in place', events: [failed(deletePolicy, 'PolicyNotFound')] },
  ],
};
