import { describeIamTarget, iamTargetOf } from '../helpers/iam-target.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { instanceSessionOf } from '../helpers/instance-session.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** IAM writes that create identities or credentials, or widen what an identity may do. */
const IAM_WRITES = [
  'CreateUser',
  'CreateAccessKey',
  'UpdateAccessKey',
  'CreateLoginProfile',
  'UpdateLoginProfile',
  'CreateServiceSpecificCredential',
  'UploadSSHPublicKey',
  'UploadSigningCertificate',
  'EnableMFADevice',
  'DeactivateMFADevice',
  'CreateRole',
  'UpdateAssumeRolePolicy',
  'AttachUserPolicy',
  'AttachRolePolicy',
  'AttachGroupPolicy',
  'PutUserPolicy',
  'PutRolePolicy',
  'PutGroupPolicy',
  'CreatePolicy',
  'CreatePolicyVersion',
  'SetDefaultPolicyVersion',
  'AddUserToGroup',
  'AddRoleToInstanceProfile',
  'PutUserPermissionsBoundary',
  'PutRolePermissionsBoundary',
  'DeleteUserPermissionsBoundary',
  'DeleteRolePermissionsBoundary',
  'CreateSAMLProvider',
  'UpdateSAMLProvider',
  'CreateOpenIDConnectProvider',
  'UpdateOpenIDConnectProviderThumbprint',
];

/** IAM identities, credentials or permissions changed with an EC2 instance's role credentials. */
export const iamChangesFromInstanceSession: Detector = {
  id: 'iam-changes-from-instance-session',
  title: 'IAM changed with an EC2 instance’s role credentials',
  severity: 'high',
  description:
    'A role session issued to an EC2 instance (session named after the instance id, i-…, in ' +
    'any case, or marked by CloudTrail as delivered by the instance metadata service, ' +
    'ec2RoleDelivery) created users, keys, passwords, roles or identity providers, attached or ' +
    'wrote policies, changed group membership, trust or boundaries. Workloads rarely manage ' +
    'IAM; this is what stolen instance credentials (SSRF to the metadata service, a ' +
    'compromised host) are used for first. Refused attempts are reported too (one level ' +
    'lower): an intruder probing what the stolen role may do. Calls AWS services make with the ' +
    'role are ignored. Benign causes: CI runners, Terraform or configuration-management hosts ' +
    'on EC2 that manage IAM by design.',
  attack: ['T1552.005', 'T1098', 'T1136.003'],
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'iam.amazonaws.com', eventNames: IAM_WRITES }],
  match(event) {
    if (!succeeded(event) || event.userIdentity?.invokedBy) return undefined;
    const instance = instanceSessionOf(event);
    if (!instance) return undefined;
    const target = describeIamTarget(iamTargetOf(event));
    return {
      summary: `${principalOf(event)} (credentials of ${instance}) called ${event.eventName} on ${target}`,
      // One alert per role: a burst from one stolen session, or several instances of it, is one incident.
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|instance-iam`,
      resources: [principalOf(event)],
    };
  },
};
