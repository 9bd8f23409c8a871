import { describe, expect, it } from 'vitest';
import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import { DetectorEngine } from '../../detectors/engine.js';
import {
  ACCOUNT,
  cloudTrailEvent,
  failed,
  identities,
  OTHER_ACCOUNT,
} from '../../detectors/examples/events.js';
import {
  type CloudTrailEvent,
  DEFAULT_SETTINGS,
  type DetectorSettings,
  type Finding,
  SEVERITY_RANK,
  type Severity,
} from '../../detectors/types.js';

/**
 * Issue 13, part 4: access handed to outsiders through grants that are not
 * identity or bucket policies. Each case is a record shaped as CloudTrail logs the
 * call, run through the whole built-in catalog, and must raise an alert of at
 * least `min` severity; its near-miss control (our organisation, our own or a
 * trusted account, an AWS service acting for us, a private ACL) must raise
 * nothing at medium or above. Detector-agnostic on purpose: what matters is that
 * someone is told, not which rule tells them.
 */

const TRUSTED_ACCOUNT = '777788889999';
const OUR_ORG = 'o-ours1234567';
const THEIR_ORG = 'o-theirs765432';
const SETTINGS: DetectorSettings = {
  ...DEFAULT_SETTINGS,
  trustedAccounts: [TRUSTED_ACCOUNT],
  trustedOrganizationIds: [OUR_ORG],
};
/** An operator who has not listed their organisations: org ids cannot be told apart. */
const NO_ORGS: DetectorSettings = { ...SETTINGS, trustedOrganizationIds: [] };

/** Canonical user ids are 64 hex digits; this one belongs to no account of ours. */
const FOREIGN_CANONICAL_ID = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be';
const OUR_CANONICAL_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const OAI_CANONICAL_ID = 'b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3';

interface EvasionCase {
  readonly name: string;
  readonly attack: CloudTrailEvent;
  readonly control: CloudTrailEvent;
  /** What the control is, in words: why it must stay quiet. */
  readonly controlIs: string;
  /** The least severity the attack must raise; medium unless said. */
  readonly min?: Severity;
  readonly settings?: DetectorSettings;
}

// ---------------------------------------------------------------- Lambda

const FUNCTION_ARN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders-api`;

function addPermission(request: Record<string, unknown>): CloudTrailEvent {
  const condition: Record<string, unknown> = {};
  if (request.principalOrgID) {
    condition.StringEquals = { 'aws:PrincipalOrgID': request.principalOrgID };
  }
  if (request.sourceAccount) {
    condition.StringEquals = {
      ...(condition.StringEquals as object),
      'AWS:SourceAccount': request.sourceAccount,
    };
  }
  return cloudTrailEvent({
    eventSource: 'lambda.amazonaws.com',
    eventName: 'AddPermission20150331v2',
    userIdentity: identities.assumedRole('Dev', 'mallory'),
    requestParameters: {
      functionName: 'orders-api',
      statementId: 'grant-1',
      action: 'lambda:InvokeFunction',
      ...request,
    },
    responseElements: {
      statement: JSON.stringify({
        Sid: 'grant-1',
        Effect: 'Allow',
        Principal: request.principal === '*' ? '*' : { AWS: request.principal },
        Action: request.action ?? 'lambda:InvokeFunction',
        Resource: FUNCTION_ARN,
        ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
      }),
    },
  });
}

function addLayerPermission(request: Record<string, unknown>): CloudTrailEvent {
  return cloudTrailEvent({
    eventSource: 'lambda.amazonaws.com',
    eventName: 'AddLayerVersionPermission20181031',
    userIdentity: identities.assumedRole('Dev', 'mallory'),
    requestParameters: {
      layerName: 'shared-utils',
      versionNumber: 7,
      statementId: 'share-7',
      action: 'lambda:GetLayerVersion',
      ...request,
    },
    responseElements: {
      statement: JSON.stringify({
        Sid: 'share-7',
        Effect: 'Allow',
        Principal: '*',
        Action: 'lambda:GetLayerVersion',
        Resource: `arn:aws:lambda:us-east-1:${ACCOUNT}:layer:shared-utils:7`,
      }),
      revisionId: '5c6e8d1a-0f2b-4c3d-9e8f-7a6b5c4d3e2f',
    },
  });
}

// ---------------------------------------------------------------- KMS

const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

function createGrant(
  request: Record<string, unknown>,
  overrides: Partial<CloudTrailEvent> = {},
): CloudTrailEvent {
  return cloudTrailEvent({
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
}

// ---------------------------------------------------------------- EventBridge

function putPermission(request: Record<string, unknown>): CloudTrailEvent {
  return cloudTrailEvent({
    eventSource: 'events.amazonaws.com',
    eventName: 'PutPermission',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: { eventBusName: 'orders-bus', ...request },
    responseElements: null,
  });
}

const busPolicy = (statement: Record<string, unknown>) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'cross-account',
        Effect: 'Allow',
        Action: 'events:PutEvents',
        Resource: `arn:aws:events:us-east-1:${ACCOUNT}:event-bus/orders-bus`,
        ...statement,
      },
    ],
  });

// ---------------------------------------------------------------- EFS

const FILE_SYSTEM = 'fs-0123456789abcdef0';
const FILE_SYSTEM_ARN = `arn:aws:elasticfilesystem:us-east-1:${ACCOUNT}:file-system/${FILE_SYSTEM}`;

function putFileSystemPolicy(statement: Record<string, unknown>): CloudTrailEvent {
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Id: 'efs-policy',
    Statement: [{ Sid: 'mount', Effect: 'Allow', Resource: FILE_SYSTEM_ARN, ...statement }],
  });
  return cloudTrailEvent({
    eventSource: 'elasticfilesystem.amazonaws.com',
    eventName: 'PutFileSystemPolicy',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: {
      fileSystemId: FILE_SYSTEM,
      policy,
      bypassPolicyLockoutSafetyCheck: false,
    },
    responseElements: { fileSystemId: FILE_SYSTEM, policy },
  });
}

const deleteFileSystemPolicy = cloudTrailEvent({
  eventSource: 'elasticfilesystem.amazonaws.com',
  eventName: 'DeleteFileSystemPolicy',
  userIdentity: identities.assumedRole('Admin', 'mallory'),
  requestParameters: { fileSystemId: FILE_SYSTEM },
  responseElements: null,
});

const CLIENT_ALL = [
  'elasticfilesystem:ClientMount',
  'elasticfilesystem:ClientWrite',
  'elasticfilesystem:ClientRootAccess',
];

// ---------------------------------------------------------------- S3 access points

const CONTROL_HOST = `${ACCOUNT}.s3-control.us-east-1.amazonaws.com`;
const S3_CONTROL_NS = 'http://awss3control.amazonaws.com/doc/2018-08-20/';

const apPolicy = (resource: string, statement: Record<string, unknown>) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: resource, ...statement }],
  });

function putAccessPointPolicy(statement: Record<string, unknown>): CloudTrailEvent {
  const resource = `arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/finance-ap/object/*`;
  return cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'PutAccessPointPolicy',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: {
      PutAccessPointPolicyRequest: { xmlns: S3_CONTROL_NS, Policy: apPolicy(resource, statement) },
      name: 'finance-ap',
      'x-amz-account-id': ACCOUNT,
      Host: CONTROL_HOST,
    },
    responseElements: null,
  });
}

function putObjectLambdaPolicy(statement: Record<string, unknown>): CloudTrailEvent {
  const resource = `arn:aws:s3-object-lambda:us-east-1:${ACCOUNT}:accesspoint/redacting-olap`;
  return cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'PutAccessPointPolicyForObjectLambda',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: {
      PutAccessPointPolicyForObjectLambdaRequest: {
        xmlns: S3_CONTROL_NS,
        Policy: apPolicy(resource, { Action: 's3-object-lambda:GetObject', ...statement }),
      },
      name: 'redacting-olap',
      'x-amz-account-id': ACCOUNT,
      Host: CONTROL_HOST,
    },
    responseElements: null,
  });
}

function putMultiRegionPolicy(statement: Record<string, unknown>): CloudTrailEvent {
  const resource = `arn:aws:s3::${ACCOUNT}:accesspoint/mfzwi23gnjvgw.mrap/object/*`;
  return cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'PutMultiRegionAccessPointPolicy',
    awsRegion: 'us-west-2',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: {
      PutMultiRegionAccessPointPolicyRequest: {
        xmlns: S3_CONTROL_NS,
        ClientToken: 'c1b2a3d4-e5f6-7a8b-9c0d-1e2f3a4b5c6d',
        Details: { Name: 'global-assets', Policy: apPolicy(resource, statement) },
      },
      'x-amz-account-id': ACCOUNT,
      Host: `${ACCOUNT}.s3-control.us-west-2.amazonaws.com`,
    },
    responseElements: {
      PutMultiRegionAccessPointPolicyResult: {
        xmlns: S3_CONTROL_NS,
        RequestTokenARN: `arn:aws:s3:us-west-2:${ACCOUNT}:async-request/mrap/put-policy/c1b2a3d4`,
      },
    },
  });
}

const blockOff = {
  BlockPublicAcls: false,
  IgnorePublicAcls: false,
  BlockPublicPolicy: false,
  RestrictPublicBuckets: false,
};
const blockOn = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
};

function createAccessPoint(body: Record<string, unknown>): CloudTrailEvent {
  return cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'CreateAccessPoint',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: {
      CreateAccessPointRequest: { xmlns: S3_CONTROL_NS, Bucket: 'finance-data', ...body },
      name: 'finance-ap',
      'x-amz-account-id': ACCOUNT,
      Host: CONTROL_HOST,
    },
    responseElements: {
      CreateAccessPointResult: {
        xmlns: S3_CONTROL_NS,
        AccessPointArn: `arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/finance-ap`,
        Alias: 'finance-ap-hrzrlukc5m36ft7okagglf3gmwluquse1b-s3alias',
      },
    },
  });
}

function createMultiRegionAccessPoint(block: Record<string, unknown>): CloudTrailEvent {
  return cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'CreateMultiRegionAccessPoint',
    awsRegion: 'us-west-2',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: {
      CreateMultiRegionAccessPointRequest: {
        xmlns: S3_CONTROL_NS,
        ClientToken: 'd4c3b2a1-0f9e-8d7c-6b5a-4f3e2d1c0b9a',
        Details: {
          Name: 'global-assets',
          PublicAccessBlock: block,
          Regions: {
            Region: [{ Bucket: 'assets-usw2' }, { Bucket: 'assets-euw1' }],
          },
        },
      },
      'x-amz-account-id': ACCOUNT,
      Host: `${ACCOUNT}.s3-control.us-west-2.amazonaws.com`,
    },
    responseElements: {
      CreateMultiRegionAccessPointResult: {
        xmlns: S3_CONTROL_NS,
        RequestTokenARN: `arn:aws:s3:us-west-2:${ACCOUNT}:async-request/mrap/create/d4c3b2a1`,
      },
    },
  });
}

// ---------------------------------------------------------------- EC2 block public access

const EC2_NS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

function ec2Call(
  eventName: string,
  request: Record<string, unknown>,
  response: Record<string, unknown>,
): CloudTrailEvent {
  return cloudTrailEvent({
    eventSource: 'ec2.amazonaws.com',
    eventName,
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: { [`${eventName}Request`]: request },
    responseElements: {
      [`${eventName}Response`]: {
        xmlns: EC2_NS,
        requestId: '59dbff89-35bd-4eac-99ed-be587EXAMPLE',
        ...response,
      },
    },
  });
}

// ---------------------------------------------------------------- S3 objects

const BUCKET = 'release-artifacts';

function objectCall(
  eventName: string,
  params: Record<string, unknown>,
  overrides: Partial<CloudTrailEvent> = {},
): CloudTrailEvent {
  const key = 'builds/app-1.4.2.zip';
  return cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName,
    eventCategory: 'Data',
    managementEvent: false,
    readOnly: false,
    userIdentity: identities.assumedRole('Dev', 'mallory'),
    requestParameters: {
      bucketName: BUCKET,
      Host: `${BUCKET}.s3.us-east-1.amazonaws.com`,
      key,
      ...params,
    },
    responseElements:
      eventName === 'CreateMultipartUpload'
        ? {
            CreateMultipartUploadResult: {
              Bucket: BUCKET,
              Key: key,
              UploadId: 'VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA',
              xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/',
            },
          }
        : { 'x-amz-server-side-encryption': 'AES256' },
    resources: [
      { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${BUCKET}/${key}` },
      { accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${BUCKET}` },
    ],
    ...overrides,
  });
}

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';

function aclBody(grants: readonly Record<string, unknown>[]): Record<string, unknown> {
  return {
    acl: '',
    AccessControlPolicy: {
      Owner: { ID: OUR_CANONICAL_ID },
      AccessControlList: { Grant: grants.length === 1 ? grants[0] : grants },
      xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/',
    },
  };
}

const canonicalGrant = (id: string, permission: string) => ({
  Grantee: {
    'xsi:type': 'CanonicalUser',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    ID: id,
  },
  Permission: permission,
});

// ---------------------------------------------------------------- the cases

const CASES: readonly EvasionCase[] = [
  {
    name: 'Lambda: `*` limited by principalOrgID of an organisation that is not ours',
    attack: addPermission({ principal: '*', principalOrgID: THEIR_ORG }),
    control: addPermission({ principal: '*', principalOrgID: OUR_ORG }),
    controlIs: 'the same grant limited to our organisation',
    min: 'high',
  },
  {
    name: 'Lambda: `*` limited by an organisation, no organisations configured',
    attack: addPermission({ principal: '*', principalOrgID: THEIR_ORG }),
    control: addPermission({ principal: ACCOUNT }),
    controlIs: 'a grant to our own account',
    settings: NO_ORGS,
  },
  {
    name: 'Lambda: function URL (AWS_IAM) for any principal of a foreign organisation',
    attack: addPermission({
      principal: '*',
      principalOrgID: THEIR_ORG,
      action: 'lambda:InvokeFunctionUrl',
      functionUrlAuthType: 'AWS_IAM',
    }),
    control: addPermission({
      principal: '*',
      principalOrgID: OUR_ORG,
      action: 'lambda:InvokeFunctionUrl',
      functionUrlAuthType: 'AWS_IAM',
    }),
    controlIs: 'the same function URL grant for our organisation',
    min: 'high',
  },
  {
    name: 'Lambda: a foreign organisation may download the code (lambda:GetFunction)',
    attack: addPermission({
      principal: '*',
      principalOrgID: THEIR_ORG,
      action: 'lambda:GetFunction',
    }),
    control: addPermission({
      principal: '*',
      principalOrgID: OUR_ORG,
      action: 'lambda:GetFunction',
    }),
    controlIs: 'our organisation may read the code',
    min: 'high',
  },
  {
    name: 'Lambda: S3 service principal for buckets of a foreign account',
    attack: addPermission({ principal: 's3.amazonaws.com', sourceAccount: OTHER_ACCOUNT }),
    control: addPermission({
      principal: 's3.amazonaws.com',
      sourceAccount: ACCOUNT,
      sourceArn: 'arn:aws:s3:::order-uploads',
    }),
    controlIs: 'the S3 service principal pinned to our account and bucket',
    min: 'high',
  },
  {
    name: 'Lambda layer: shared with every account of a foreign organisation',
    attack: addLayerPermission({ principal: '*', organizationId: THEIR_ORG }),
    control: addLayerPermission({ principal: '*', organizationId: OUR_ORG }),
    controlIs: 'the layer shared with our organisation',
  },
  {
    name: 'Lambda layer: shared with an organisation, no organisations configured',
    attack: addLayerPermission({ principal: '*', organizationId: THEIR_ORG }),
    control: addLayerPermission({ principal: TRUSTED_ACCOUNT }),
    controlIs: 'the layer shared with a trusted account',
    settings: NO_ORGS,
  },
  {
    name: 'KMS: grant lets a role of another account decrypt',
    attack: createGrant({
      granteePrincipal: `arn:aws:iam::${OTHER_ACCOUNT}:role/backup-reader`,
      operations: ['Decrypt', 'DescribeKey'],
    }),
    control: createGrant({
      granteePrincipal: `arn:aws:iam::${ACCOUNT}:role/backup-reader`,
      operations: ['Decrypt', 'DescribeKey'],
    }),
    controlIs: 'the same grant to our own role',
    min: 'high',
  },
  {
    name: 'KMS: grant to an assumed-role session of another account may re-grant',
    attack: createGrant({
      granteePrincipal: `arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/ops/session-1`,
      operations: ['CreateGrant', 'ReEncryptFrom'],
    }),
    control: createGrant({
      granteePrincipal: `arn:aws:iam::${TRUSTED_ACCOUNT}:role/ops`,
      operations: ['CreateGrant', 'ReEncryptFrom'],
    }),
    controlIs: 'the same grant to a trusted account',
    min: 'high',
  },
  {
    name: 'KMS: grant of encrypt-only operations to another account root',
    attack: createGrant({
      granteePrincipal: `arn:aws:iam::${OTHER_ACCOUNT}:root`,
      operations: ['Encrypt', 'GenerateDataKey'],
    }),
    control: createGrant(
      {
        granteePrincipal: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/rds.amazonaws.com/AWSServiceRoleForRDS`,
        operations: ['Encrypt', 'GenerateDataKey', 'Decrypt'],
      },
      { userIdentity: identities.awsService('rds.amazonaws.com') },
    ),
    controlIs: 'RDS creating a grant for its own service-linked role',
  },
  {
    name: 'KMS: our own role as grantee, another account as retiring principal',
    attack: createGrant({
      granteePrincipal: `arn:aws:iam::${ACCOUNT}:role/app`,
      retiringPrincipal: `arn:aws:iam::${OTHER_ACCOUNT}:role/retirer`,
      operations: ['Decrypt'],
    }),
    control: createGrant({
      granteePrincipal: `arn:aws:iam::${ACCOUNT}:role/app`,
      retiringPrincipal: `arn:aws:iam::${ACCOUNT}:role/deployer`,
      operations: ['Decrypt'],
    }),
    controlIs: 'our own role as grantee and retiring principal',
  },
  {
    name: 'EventBridge: any account may put events on the bus',
    attack: putPermission({ action: 'events:PutEvents', principal: '*', statementId: 'all' }),
    control: putPermission({
      action: 'events:PutEvents',
      principal: TRUSTED_ACCOUNT,
      statementId: 'trusted',
    }),
    controlIs: 'a trusted account may put events',
    min: 'high',
  },
  {
    name: 'EventBridge: `*` limited to a foreign organisation by Condition',
    attack: putPermission({
      action: 'events:PutEvents',
      principal: '*',
      statementId: 'org',
      condition: { type: 'StringEquals', key: 'aws:PrincipalOrgID', value: THEIR_ORG },
    }),
    control: putPermission({
      action: 'events:PutEvents',
      principal: '*',
      statementId: 'org',
      condition: { type: 'StringEquals', key: 'aws:PrincipalOrgID', value: OUR_ORG },
    }),
    controlIs: 'the same condition naming our organisation',
    min: 'high',
  },
  {
    name: 'EventBridge: another account may put events',
    attack: putPermission({
      action: 'events:PutEvents',
      principal: OTHER_ACCOUNT,
      statementId: 'x',
    }),
    control: putPermission({ action: 'events:PutEvents', principal: ACCOUNT, statementId: 'x' }),
    controlIs: 'our own account',
    min: 'high',
  },
  {
    name: 'EventBridge: Policy parameter grants another account',
    attack: putPermission({
      policy: busPolicy({ Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` } }),
    }),
    control: putPermission({
      policy: busPolicy({
        Principal: '*',
        Condition: { StringEquals: { 'aws:PrincipalOrgID': OUR_ORG } },
      }),
    }),
    controlIs: 'a policy for `*` limited to our organisation',
    min: 'high',
  },
  {
    name: 'EventBridge: Policy parameter grants `*` with only a TLS condition',
    attack: putPermission({
      policy: busPolicy({
        Principal: { AWS: '*' },
        Condition: { Bool: { 'aws:SecureTransport': 'true' } },
      }),
    }),
    control: putPermission({
      policy: busPolicy({ Principal: { AWS: `arn:aws:iam::${TRUSTED_ACCOUNT}:root` } }),
    }),
    controlIs: 'a policy for a trusted account',
    min: 'high',
  },
  {
    name: 'EFS: policy gives anyone root, write and mount',
    attack: putFileSystemPolicy({ Principal: { AWS: '*' }, Action: CLIENT_ALL }),
    control: putFileSystemPolicy({
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/app` },
      Action: CLIENT_ALL,
    }),
    controlIs: 'the same access for our own role',
    min: 'high',
  },
  {
    name: 'EFS: policy lets another account mount',
    attack: putFileSystemPolicy({
      Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
      Action: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
    }),
    control: putFileSystemPolicy({
      Principal: { AWS: `arn:aws:iam::${TRUSTED_ACCOUNT}:root` },
      Action: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
    }),
    controlIs: 'a trusted account may mount',
    min: 'high',
  },
  {
    name: 'EFS: `*` may mount, "restricted" by a TLS condition that limits nobody',
    attack: putFileSystemPolicy({
      Principal: { AWS: '*' },
      Action: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
      Condition: { Bool: { 'aws:SecureTransport': 'true' } },
    }),
    control: putFileSystemPolicy({
      Principal: { AWS: '*' },
      Action: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
      Condition: { StringEquals: { 'aws:PrincipalOrgID': OUR_ORG } },
    }),
    controlIs: '`*` limited to our organisation',
  },
  {
    name: 'EFS: file system policy deleted (back to access without IAM)',
    attack: deleteFileSystemPolicy,
    control: failed(deleteFileSystemPolicy, 'PolicyNotFound', 'No policy on the file system'),
    controlIs: 'a delete that failed because there was no policy',
  },
  {
    name: 'S3 access point: policy lets anyone read',
    attack: putAccessPointPolicy({ Principal: '*' }),
    control: putAccessPointPolicy({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/finance` } }),
    controlIs: 'the access point policy naming our role',
    min: 'high',
  },
  {
    name: 'S3 access point: policy lets another account read',
    attack: putAccessPointPolicy({ Principal: { AWS: OTHER_ACCOUNT } }),
    control: putAccessPointPolicy({ Principal: { AWS: TRUSTED_ACCOUNT } }),
    controlIs: 'a trusted account',
    min: 'high',
  },
  {
    name: 'S3 Object Lambda access point: policy lets anyone read',
    attack: putObjectLambdaPolicy({ Principal: { AWS: '*' } }),
    control: putObjectLambdaPolicy({
      Principal: { AWS: '*' },
      Condition: { StringEquals: { 'aws:PrincipalOrgID': OUR_ORG } },
    }),
    controlIs: '`*` limited to our organisation',
    min: 'high',
  },
  {
    name: 'S3 multi-region access point: `*` limited to a foreign organisation',
    attack: putMultiRegionPolicy({
      Principal: '*',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': THEIR_ORG } },
    }),
    control: putMultiRegionPolicy({
      Principal: '*',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': OUR_ORG } },
    }),
    controlIs: 'the same condition naming our organisation',
    min: 'high',
  },
  {
    name: 'S3 access point: created reachable from the internet with Block Public Access off',
    attack: createAccessPoint({ PublicAccessBlockConfiguration: blockOff }),
    control: createAccessPoint({}),
    controlIs: 'an access point created with the default (all blocks on)',
  },
  {
    name: 'S3 multi-region access point: created with the public-policy block off',
    attack: createMultiRegionAccessPoint({ ...blockOn, BlockPublicPolicy: 'false' }),
    control: createMultiRegionAccessPoint(blockOn),
    controlIs: 'all four blocks on',
  },
  {
    name: 'EC2: Block Public Access for AMIs disabled',
    attack: ec2Call(
      'DisableImageBlockPublicAccess',
      {},
      { imageBlockPublicAccessState: 'unblocked' },
    ),
    control: ec2Call(
      'EnableImageBlockPublicAccess',
      { ImageBlockPublicAccessState: 'block-new-sharing' },
      { imageBlockPublicAccessState: 'block-new-sharing' },
    ),
    controlIs: 'the AMI block turned on',
    min: 'high',
  },
  {
    name: 'EC2: Block Public Access for AMIs, disabling denied (an attempt)',
    attack: failed(
      ec2Call('DisableImageBlockPublicAccess', {}, { imageBlockPublicAccessState: 'unblocked' }),
      'Client.UnauthorizedOperation',
      'You are not authorized to perform this operation.',
    ),
    control: failed(
      ec2Call('DisableImageBlockPublicAccess', {}, { imageBlockPublicAccessState: 'unblocked' }),
      'Client.InvalidParameterValue',
      'The request is not valid.',
    ),
    controlIs: 'a call that failed for another reason than permission',
  },
  {
    name: 'EC2: Block Public Access for EBS snapshots disabled',
    attack: ec2Call('DisableSnapshotBlockPublicAccess', {}, { state: 'unblocked' }),
    control: ec2Call(
      'EnableSnapshotBlockPublicAccess',
      { State: 'block-all-sharing' },
      { state: 'block-all-sharing' },
    ),
    controlIs: 'the snapshot block set to block all sharing',
    min: 'high',
  },
  {
    name: 'EC2: Block Public Access for EBS snapshots "enabled" with state unblocked',
    attack: ec2Call(
      'EnableSnapshotBlockPublicAccess',
      { State: 'unblocked' },
      { state: 'unblocked' },
    ),
    control: ec2Call(
      'EnableSnapshotBlockPublicAccess',
      { State: 'block-new-sharing' },
      { state: 'block-new-sharing' },
    ),
    controlIs: 'the snapshot block set to block new sharing',
    min: 'high',
  },
  {
    name: 'S3 object: uploaded with the public-read canned ACL',
    attack: objectCall('PutObject', { 'x-amz-acl': 'public-read' }),
    control: objectCall('PutObject', { 'x-amz-acl': 'bucket-owner-full-control' }),
    controlIs: 'bucket-owner-full-control',
    min: 'high',
  },
  {
    name: 'S3 object: multipart upload started with the public-read canned ACL',
    attack: objectCall('CreateMultipartUpload', { uploads: '', 'x-amz-acl': ['public-read'] }),
    control: objectCall('CreateMultipartUpload', { uploads: '', 'x-amz-acl': ['private'] }),
    controlIs: 'a private multipart upload',
    min: 'high',
  },
  {
    name: 'S3 object: copied with a grant header giving AllUsers read',
    attack: objectCall('CopyObject', {
      'x-amz-copy-source': `${BUCKET}/builds/app-1.4.1.zip`,
      'x-amz-grant-read': `uri="${ALL_USERS}"`,
    }),
    control: objectCall('CopyObject', {
      'x-amz-copy-source': `${BUCKET}/builds/app-1.4.1.zip`,
      'x-amz-grant-read': 'uri="http://acs.amazonaws.com/groups/s3/LogDelivery"',
    }),
    controlIs: 'a grant to the S3 log delivery group',
    min: 'high',
  },
  {
    name: 'S3 object: uploaded granting full control to another account (canonical id)',
    attack: objectCall('PutObject', { 'x-amz-grant-full-control': `id="${FOREIGN_CANONICAL_ID}"` }),
    control: objectCall('PutObject', { 'x-amz-acl': 'private' }),
    controlIs: 'a private ACL',
    min: 'high',
  },
  {
    name: 'S3 object: multipart upload granting read to another account by e-mail',
    attack: objectCall('CreateMultipartUpload', {
      uploads: '',
      'x-amz-grant-read': 'emailAddress="exfil@example.net"',
    }),
    control: objectCall('CreateMultipartUpload', {
      uploads: '',
      'x-amz-grant-read': `id="${OAI_CANONICAL_ID}"`,
    }),
    controlIs: 'read granted to our CloudFront origin access identity',
    settings: { ...SETTINGS, cloudFrontOriginAccessIdentities: [OAI_CANONICAL_ID] },
  },
  {
    name: 'S3 object: PutObjectAcl XML body grants another account WRITE_ACP',
    attack: objectCall(
      'PutObjectAcl',
      aclBody([
        canonicalGrant(OUR_CANONICAL_ID, 'FULL_CONTROL'),
        canonicalGrant(FOREIGN_CANONICAL_ID, 'WRITE_ACP'),
      ]),
    ),
    control: objectCall(
      'PutObjectAcl',
      aclBody([canonicalGrant(OUR_CANONICAL_ID, 'FULL_CONTROL')]),
    ),
    controlIs: 'an ACL that only names the owner',
    min: 'high',
  },
  {
    name: 'S3 object: grant header gives AuthenticatedUsers WRITE_ACP',
    attack: objectCall('PutObject', {
      'x-amz-grant-write-acp': 'uri="http://acs.amazonaws.com/groups/global/AuthenticatedUsers"',
    }),
    control: objectCall(
      'PutObject',
      { 'x-amz-grant-full-control': `id="${FOREIGN_CANONICAL_ID}"` },
      {
        userIdentity: identities.awsAccount(OTHER_ACCOUNT),
        resources: [
          { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${BUCKET}/builds/app-1.4.2.zip` },
          { accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${BUCKET}` },
        ],
      },
    ),
    controlIs: 'another account uploading into our bucket and granting us (the owner) full control',
    min: 'high',
  },
];

const engines = new Map<DetectorSettings, DetectorEngine>();
function evaluate(event: CloudTrailEvent, settings: DetectorSettings): Finding[] {
  let engine = engines.get(settings);
  if (!engine) {
    engine = new DetectorEngine(BUILTIN_DETECTORS, { settings });
    engines.set(settings, engine);
  }
  // A single event of a threshold or first-seen detector is not an alert.
  return engine
    .evaluate(event, (error) => {
      throw error;
    })
    .filter((f) => !f.detector.threshold && !f.detector.firstSeen);
}

const describeFindings = (findings: readonly Finding[]) =>
  findings.map((f) => `${f.detector.id} (${f.severity}): ${f.summary}`);

describe('Evasion: cross-account and public grants outside policies', () => {
  it('has at least 20 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const settings = c.settings ?? SETTINGS;
    const min = c.min ?? 'medium';
    const attack = evaluate(c.attack, settings);
    expect(
      attack.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[min]),
      `expected an alert of at least ${min}; got ${JSON.stringify(describeFindings(attack))}`,
    ).toBe(true);
    const loud = evaluate(c.control, settings).filter(
      (f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK.medium,
    );
    expect(describeFindings(loud), `control (${c.controlIs}) must stay quiet`).toEqual([]);
  });
});
