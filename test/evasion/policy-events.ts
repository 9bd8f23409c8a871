import { ACCOUNT, cloudTrailEvent, identities } from '../../detectors/examples/events.js';
import type { CloudTrailEvent } from '../../detectors/types.js';

/**
 * The calls that set a policy, shaped as CloudTrail logs them (request
 * parameter names and casing from each service's API reference and
 * CloudTrail's own examples): the policy as the JSON string the caller sent,
 * a single statement as an object where the caller wrote one.
 */
const BUCKET = 'customer-invoices';
const attacker = identities.assumedRole('DevOps', 'mallory');

/** A policy document as the caller wrote it. */
export const doc = (...statements: unknown[]) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: statements.length === 1 ? statements[0] : statements,
  });

export const putBucketPolicy = (policy: string | object): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'PutBucketPolicy',
    userIdentity: attacker,
    requestParameters: {
      bucketName: BUCKET,
      Host: `${BUCKET}.s3.us-east-1.amazonaws.com`,
      bucketPolicy: policy,
      policy: '',
    },
    responseElements: null,
    resources: [{ accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${BUCKET}` }],
  });

export const putKeyPolicy = (policy: string): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 'kms.amazonaws.com',
    eventName: 'PutKeyPolicy',
    userIdentity: attacker,
    requestParameters: {
      keyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
      policyName: 'default',
      policy,
      bypassPolicyLockoutSafetyCheck: false,
    },
    responseElements: null,
  });

export const updateAssumeRolePolicy = (policyDocument: string): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 'iam.amazonaws.com',
    eventName: 'UpdateAssumeRolePolicy',
    userIdentity: attacker,
    requestParameters: { roleName: 'DeployRole', policyDocument },
    responseElements: null,
  });

export const createRole = (assumeRolePolicyDocument: string): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 'iam.amazonaws.com',
    eventName: 'CreateRole',
    userIdentity: attacker,
    requestParameters: { roleName: 'vendor-access', assumeRolePolicyDocument },
    responseElements: {
      role: {
        path: '/',
        roleName: 'vendor-access',
        roleId: 'AROAEXAMPLEROLEID0001',
        arn: `arn:aws:iam::${ACCOUNT}:role/vendor-access`,
        createDate: 'Nov 20, 2026 10:00:00 AM',
        assumeRolePolicyDocument: encodeURIComponent(assumeRolePolicyDocument),
      },
    },
  });

/** PutRolePolicy, PutUserPolicy or PutGroupPolicy: IAM logs the document URL-encoded at times. */
export const putInlinePolicy = (
  eventName: 'PutRolePolicy' | 'PutUserPolicy' | 'PutGroupPolicy',
  policyDocument: string,
): CloudTrailEvent => {
  const target =
    eventName === 'PutRolePolicy'
      ? { roleName: 'lambda-exec' }
      : eventName === 'PutUserPolicy'
        ? { userName: 'bob' }
        : { groupName: 'developers' };
  return cloudTrailEvent({
    eventSource: 'iam.amazonaws.com',
    eventName,
    userIdentity: attacker,
    requestParameters: { ...target, policyName: 'boost', policyDocument },
    responseElements: null,
  });
};

export const createPolicyVersion = (policyDocument: string): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 'iam.amazonaws.com',
    eventName: 'CreatePolicyVersion',
    userIdentity: attacker,
    requestParameters: {
      policyArn: `arn:aws:iam::${ACCOUNT}:policy/ops`,
      policyDocument,
      setAsDefault: true,
    },
    responseElements: {
      policyVersion: {
        versionId: 'v2',
        isDefaultVersion: true,
        createDate: 'Nov 20, 2026 10:00:00 AM',
      },
    },
  });

export const putInlinePolicyToPermissionSet = (inlinePolicy: string): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 'sso.amazonaws.com',
    eventName: 'PutInlinePolicyToPermissionSet',
    userIdentity: attacker,
    requestParameters: {
      instanceArn: 'arn:aws:sso:::instance/ssoins-1111111111111111',
      permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-2222222222222222',
      inlinePolicy,
    },
    responseElements: null,
  });

/** Lambda AddPermission: the request flags in, the statement Lambda wrote out. */
export const addPermission = (request: Record<string, unknown>): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 'lambda.amazonaws.com',
    eventName: 'AddPermission20150331v2',
    userIdentity: attacker,
    requestParameters: {
      functionName: 'orders-api',
      statementId: 'sid-1',
      action: 'lambda:InvokeFunction',
      ...request,
    },
    responseElements: {
      statement: JSON.stringify({
        Sid: 'sid-1',
        Effect: 'Allow',
        Principal: request.principal === '*' ? '*' : { AWS: request.principal },
        Action: request.action ?? 'lambda:InvokeFunction',
        Resource: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders-api`,
      }),
    },
  });

export const putSecretPolicy = (resourcePolicy: string): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 'secretsmanager.amazonaws.com',
    eventName: 'PutResourcePolicy',
    userIdentity: attacker,
    requestParameters: {
      secretId: 'prod/payments/api-key',
      resourcePolicy,
      blockPublicPolicy: false,
    },
    responseElements: {
      arn: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/payments/api-key-Qw12Er`,
      name: 'prod/payments/api-key',
    },
  });

export const setQueueAttributes = (policy: string): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 'sqs.amazonaws.com',
    eventName: 'SetQueueAttributes',
    userIdentity: attacker,
    requestParameters: {
      queueUrl: `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/orders`,
      attributes: { Policy: policy },
    },
    responseElements: null,
  });

export const setTopicAttributes = (policy: string): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 'sns.amazonaws.com',
    eventName: 'SetTopicAttributes',
    userIdentity: attacker,
    requestParameters: {
      topicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:alerts`,
      attributeName: 'Policy',
      attributeValue: policy,
    },
    responseElements: null,
  });

export const setRepositoryPolicy = (policyText: string): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 'ecr.amazonaws.com',
    eventName: 'SetRepositoryPolicy',
    userIdentity: attacker,
    requestParameters: { repositoryName: 'payments-api', policyText, force: false },
    responseElements: { registryId: ACCOUNT, repositoryName: 'payments-api', policyText },
  });

export const updateDomainConfig = (accessPolicies: string): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 'es.amazonaws.com',
    eventName: 'UpdateDomainConfig',
    userIdentity: attacker,
    requestParameters: { domainName: 'logs', accessPolicies },
  });

export const setVaultAccessPolicy = (policy: string): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 'glacier.amazonaws.com',
    eventName: 'SetVaultAccessPolicy',
    userIdentity: attacker,
    requestParameters: { accountId: '-', vaultName: 'archive', policy: { policy } },
    responseElements: null,
  });
