import { describeIamTarget, iamTargetOf, requestString } from '../helpers/iam-target.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { isAdministratorAccessArn } from '../helpers/managed-policies.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** The AWS managed AdministratorAccess policy attached to a user, role or group. */
export const iamAdminPolicyAttached: Detector = {
  id: 'iam-admin-policy-attached',
  title: 'AdministratorAccess attached to an IAM identity',
  severity: 'high',
  description:
    'AttachUserPolicy, AttachRolePolicy or AttachGroupPolicy succeeded with the AWS managed ' +
    'AdministratorAccess policy: the target can now do anything in the account. A classic ' +
    'privilege-escalation and persistence step. A customer-managed policy that merely has this ' +
    'name is not matched (its content is what counts, and iam-policy-grants-full-admin judges ' +
    'that when the policy is written). Benign causes: break-glass or bootstrap roles set up ' +
    'deliberately, account vending pipelines.',
  attack: ['T1098.003', 'T1078.004'],
  references: [
    'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html',
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachRolePolicy.html',
  ],
  runbook: 'iam-privilege-escalation',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'iam.amazonaws.com',
      eventNames: ['AttachUserPolicy', 'AttachRolePolicy', 'AttachGroupPolicy'],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    const policyArn = requestString(event, 'policyArn');
    if (!policyArn || !isAdministratorAccessArn(policyArn)) return undefined;
    const target = iamTargetOf(event);
    const targetName = describeIamTarget(target);
    return {
      summary: `${principalOf(event)} attached AdministratorAccess to ${targetName}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${targetName}`,
      resources: target && target.kind !== 'policy' ? [target.name, policyArn] : [policyArn],
    };
  },
};
