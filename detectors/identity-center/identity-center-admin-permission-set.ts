import { getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { isAdministratorAccessArn } from '../helpers/managed-policies.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { grantsFullAdministration, readPolicy } from '../semantics/index.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/** How the call makes the permission set an administrator, or undefined. */
function adminGrant(event: CloudTrailEvent): string | undefined {
  if (event.eventName === 'AttachManagedPolicyToPermissionSet') {
    const arn = requestField(event, 'managedPolicyArn');
    return arn && isAdministratorAccessArn(arn) ? 'attached AdministratorAccess to' : undefined;
  }
  const inline = readPolicy(getPath(event.requestParameters, 'inlinePolicy'));
  return inline && grantsFullAdministration(inline, accountOf(event))
    ? 'wrote an allow-everything inline policy on'
    : undefined;
}

/** An IAM Identity Center permission set given full administrator rights. */
export const identityCenterAdminPermissionSet: Detector = {
  id: 'identity-center-admin-permission-set',
  title: 'Identity Center permission set given administrator access',
  severity: 'high',
  description:
    'AttachManagedPolicyToPermissionSet attached the AWS managed AdministratorAccess policy to ' +
    'an IAM Identity Center permission set, or PutInlinePolicyToPermissionSet wrote an inline ' +
    'policy granting full administration (every action on every resource, however spelt: ' +
    'NotAction, NotResource, wildcard ARNs). Every user or group assigned the ' +
    'permission set, in every account it is provisioned to, becomes an administrator there; ' +
    'with a fresh permission set (CreatePermissionSet) and CreateAccountAssignment an ' +
    'intruder in the management account grants themselves the whole organisation. Refused ' +
    'attempts are reported too (one level lower). Benign causes: building the ' +
    'organisation’s own AdministratorAccess permission set, account-vending pipelines.',
  attack: ['T1098.003', 'T1484.002'],
  references: [
    'https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_AttachManagedPolicyToPermissionSet.html',
    'https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_PutInlinePolicyToPermissionSet.html',
    'https://docs.aws.amazon.com/singlesignon/latest/userguide/logging-using-cloudtrail.html',
  ],
  runbook: 'iam-privilege-escalation',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    {
      eventSource: 'sso.amazonaws.com',
      eventNames: ['AttachManagedPolicyToPermissionSet', 'PutInlinePolicyToPermissionSet'],
    },
  ],
  match(event) {
    if (!succeeded(event) || event.userIdentity?.type === 'AWSService') return undefined;
    const grant = adminGrant(event);
    if (!grant) return undefined;
    const permissionSet = requestField(event, 'permissionSetArn') ?? 'an unnamed permission set';
    return {
      summary: `${principalOf(event)} ${grant} permission set ${permissionSet}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${permissionSet}`,
      resources: [permissionSet],
    };
  },
};
