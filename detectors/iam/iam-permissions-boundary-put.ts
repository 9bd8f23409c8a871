import { describeIamTarget, iamTargetOf, requestString } from '../helpers/iam-target.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { isBroadManagedPolicyArn } from '../helpers/managed-policies.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** A permissions boundary set or replaced on a user or role. */
export const iamPermissionsBoundaryPut: Detector = {
  id: 'iam-permissions-boundary-put',
  title: 'Permissions boundary set or replaced on a user or role',
  severity: 'medium',
  description:
    'PutUserPermissionsBoundary or PutRolePermissionsBoundary succeeded. A boundary caps what ' +
    'an identity may do; replacing it with a wider one lifts the cap as surely as removing it ' +
    '(iam-permissions-boundary-removed), and delegated administrators who may only create ' +
    'bounded roles try exactly that. High when the new boundary is an AWS managed policy that ' +
    'bounds nothing (AdministratorAccess, PowerUserAccess, IAMFullAccess). Refused attempts ' +
    'are reported too (one level lower). Benign causes: rolling out or tightening a boundary, ' +
    'infrastructure-as-code applying the standard boundary to new roles.',
  attack: ['T1098', 'T1548'],
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html',
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePermissionsBoundary.html',
  ],
  runbook: 'iam-privilege-escalation',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    {
      eventSource: 'iam.amazonaws.com',
      eventNames: ['PutUserPermissionsBoundary', 'PutRolePermissionsBoundary'],
    },
  ],
  match(event) {
    if (!succeeded(event) || event.userIdentity?.type === 'AWSService') return undefined;
    const target = iamTargetOf(event);
    const name = describeIamTarget(target?.kind === 'policy' ? undefined : target);
    const boundary = requestString(event, 'permissionsBoundary') ?? 'an unnamed policy';
    const unbounded = isBroadManagedPolicyArn(boundary);
    return {
      summary: `${principalOf(event)} set the permissions boundary of ${name} to ${boundary}${unbounded ? ', which bounds nothing' : ''}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${name}`,
      resources: target && target.kind !== 'policy' ? [target.name, boundary] : [boundary],
      severity: unbounded ? 'high' : 'medium',
    };
  },
};
