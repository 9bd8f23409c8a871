import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import type { Detector } from '../types.js';

/** A user or group of IAM Identity Center given a permission set in an AWS account. */
export const identityCenterAccountAssignmentCreated: Detector = {
  id: 'identity-center-account-assignment-created',
  title: 'Identity Center access to an account granted',
  severity: 'medium',
  description:
    'CreateAccountAssignment succeeded: an IAM Identity Center user or group can now sign in ' +
    'to an AWS account with a permission set. It is the organisation-wide equivalent of ' +
    'attaching a policy to a user, made from the management or delegated administrator ' +
    'account, and an intruder there uses it to give an identity they control access to every ' +
    'account they want. The call names ids only (principal, permission set, account): look ' +
    'them up in Identity Center. Refused attempts are reported too (one level lower). Benign ' +
    'causes: access requests and onboarding, account-vending pipelines, Control Tower.',
  attack: ['T1098.003'],
  references: [
    'https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_CreateAccountAssignment.html',
    'https://docs.aws.amazon.com/singlesignon/latest/userguide/useraccess.html',
  ],
  runbook: 'iam-privilege-escalation',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'sso.amazonaws.com', eventNames: ['CreateAccountAssignment'] }],
  match(event) {
    if (!succeeded(event) || event.userIdentity?.type === 'AWSService') return undefined;
    const principalType = (requestField(event, 'principalType') ?? 'principal').toLowerCase();
    const principal = requestField(event, 'principalId') ?? 'an unnamed principal';
    const target = requestField(event, 'targetId') ?? 'an unnamed account';
    const permissionSet = requestField(event, 'permissionSetArn') ?? 'an unnamed permission set';
    return {
      summary: `${principalOf(event)} gave ${principalType} ${principal} permission set ${permissionSet} in account ${target}`,
      // A burst of assignments by one principal is one incident.
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|account-assignment`,
      resources: [permissionSet, target, principal],
    };
  },
};
