import { describeIamTarget, iamTargetOf } from '../helpers/iam-target.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** A permissions boundary was taken off a user or role: its policies now apply in full. */
export const iamPermissionsBoundaryRemoved: Detector = {
  id: 'iam-permissions-boundary-removed',
  title: 'Permissions boundary removed from a user or role',
  severity: 'high',
  description:
    'DeleteUserPermissionsBoundary or DeleteRolePermissionsBoundary succeeded. A boundary caps ' +
    'what an identity can do whatever its policies say; delegated administrators are usually ' +
    'allowed to create roles only with a boundary attached, so removing it is a way out of that ' +
    'cage. Benign causes: replacing one boundary with another (a Put*PermissionsBoundary ' +
    'follows), retiring a delegation model.',
  attack: ['T1098', 'T1548'],
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html',
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteRolePermissionsBoundary.html',
  ],
  runbook: 'iam-privilege-escalation',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'iam.amazonaws.com',
      eventNames: ['DeleteUserPermissionsBoundary', 'DeleteRolePermissionsBoundary'],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    const target = iamTargetOf(event);
    const name = describeIamTarget(target);
    return {
      summary: `${principalOf(event)} removed the permissions boundary of ${name}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${name}`,
      resources: target ? [target.name] : [],
    };
  },
};
