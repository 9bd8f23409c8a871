import { defineQuery } from './define.js';

/** IAM persistence, escalation and role assumption. */

export const iamPersistenceChanges = defineQuery({
  id: 'iam-persistence-changes',
  title: 'IAM changes that grant or keep access',
  description:
    'New users, keys, passwords, policy attachments and versions, trust policy edits and MFA ' +
    'changes: each is a way to come back after the first credential is revoked.',
  params: [],
  sql: `SELECT eventtime, useridentity.arn AS actor, eventname,
       json_extract_scalar(requestparameters, '$.userName') AS target_user,
       json_extract_scalar(requestparameters, '$.roleName') AS target_role,
       json_extract_scalar(requestparameters, '$.groupName') AS target_group,
       json_extract_scalar(requestparameters, '$.policyArn') AS policy_arn,
       sourceipaddress, errorcode, eventid
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND eventsource = 'iam.amazonaws.com'
  AND eventname IN ('CreateUser', 'CreateAccessKey', 'UpdateAccessKey', 'CreateLoginProfile',
                    'UpdateLoginProfile', 'AttachUserPolicy', 'AttachRolePolicy',
                    'AttachGroupPolicy', 'PutUserPolicy', 'PutRolePolicy', 'PutGroupPolicy',
                    'CreateRole', 'UpdateAssumeRolePolicy', 'AddUserToGroup',
                    'CreatePolicyVersion', 'SetDefaultPolicyVersion', 'CreateVirtualMFADevice',
                    'EnableMFADevice', 'DeactivateMFADevice', 'DeleteUserPermissionsBoundary',
                    'DeleteRolePermissionsBoundary', 'CreateOpenIDConnectProvider',
                    'CreateSAMLProvider', 'UpdateSAMLProvider')
ORDER BY eventtime, eventid`,
});

export const accessKeysCreated = defineQuery({
  id: 'access-keys-created',
  title: 'Access keys created',
  description:
    'Successful CreateAccessKey calls with the key owner and new key id from the response: ' +
    'a key made by someone other than its owner is a classic backdoor.',
  params: [],
  sql: `SELECT eventtime, useridentity.arn AS actor,
       json_extract_scalar(responseelements, '$.accessKey.userName') AS key_owner,
       json_extract_scalar(responseelements, '$.accessKey.accessKeyId') AS new_access_key,
       sourceipaddress, eventid
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND eventsource = 'iam.amazonaws.com' AND eventname = 'CreateAccessKey' AND errorcode IS NULL
ORDER BY eventtime, eventid`,
});

export const crossAccountRoleAssumptions = defineQuery({
  id: 'cross-account-role-assumptions',
  title: 'Role assumptions across accounts',
  description:
    'AssumeRole calls where the caller and the role live in different accounts (logged in ' +
    'both): lateral movement, or an outside account using a trust you did not mean to give.',
  params: [],
  sql: `SELECT eventtime, coalesce(useridentity.arn, useridentity.principalid) AS caller,
       useridentity.accountid AS caller_account,
       json_extract_scalar(requestparameters, '$.roleArn') AS role_arn,
       json_extract_scalar(requestparameters, '$.roleSessionName') AS session_name,
       recipientaccountid AS account, sourceipaddress, errorcode, eventid
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND eventsource = 'sts.amazonaws.com'
  AND eventname IN ('AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity')
  AND useridentity.accountid <> nullif(split_part(json_extract_scalar(requestparameters, '$.roleArn'), ':', 5), '')
ORDER BY eventtime, eventid`,
});
