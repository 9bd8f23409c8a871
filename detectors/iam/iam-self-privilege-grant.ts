import { requestString } from '../helpers/iam-target.js';
import { accountOf, callerUserName, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/** Calls that widen what a user can do, keyed on the request field naming that user. */
const USER_GRANTS: Readonly<Record<string, string>> = {
  AttachUserPolicy: 'attached a managed policy to',
  PutUserPolicy: 'wrote an inline policy on',
  AddUserToGroup: 'added to a group',
  DeleteUserPermissionsBoundary: 'removed the permissions boundary of',
};

/**
 * Calls that widen what a role can do. Rewriting its own trust policy widens who
 * may assume it, not what it may do: iam-role-trust-policy-backdoor judges that.
 */
const ROLE_GRANTS: Readonly<Record<string, string>> = {
  AttachRolePolicy: 'attached a managed policy to',
  PutRolePolicy: 'wrote an inline policy on',
  DeleteRolePermissionsBoundary: 'removed the permissions boundary of',
};

/** The caller's own role name, for role sessions (the session issuer). */
function callerRoleName(event: CloudTrailEvent): string | undefined {
  const id = event.userIdentity;
  if (id?.type !== 'AssumedRole') return undefined;
  const name = id.sessionContext?.sessionIssuer?.userName;
  return typeof name === 'string' && name.trim() !== '' ? name : undefined;
}

/** IAM names are unique without regard to case. */
function same(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** What the call did to the caller itself, or undefined when it acted on someone else. */
function selfGrant(event: CloudTrailEvent): { verb: string; self: string } | undefined {
  const userVerb = USER_GRANTS[event.eventName];
  if (userVerb) {
    const user = requestString(event, 'userName');
    const caller = callerUserName(event);
    if (!same(user, caller)) return undefined;
    const group =
      event.eventName === 'AddUserToGroup' ? requestString(event, 'groupName') : undefined;
    return {
      verb: group ? `added itself to group ${group}` : `${userVerb} its own user`,
      self: `user/${caller}`,
    };
  }
  const roleVerb = ROLE_GRANTS[event.eventName];
  if (roleVerb) {
    const role = requestString(event, 'roleName');
    const caller = callerRoleName(event);
    if (!same(role, caller)) return undefined;
    return { verb: `${roleVerb} its own role`, self: `role/${caller}` };
  }
  return undefined;
}

/** A user or role session widening its own permissions. */
export const iamSelfPrivilegeGrant: Detector = {
  id: 'iam-self-privilege-grant',
  title: 'IAM identity granted itself more permissions',
  severity: 'high',
  description:
    'An IAM user attached or wrote a policy on itself, added itself to a group or removed its ' +
    'own permissions boundary, or a role session did the same to its own role. Holding iam:PutUserPolicy, iam:AttachRolePolicy or ' +
    'iam:AddUserToGroup on oneself is a classic escalation path: one call turns a narrow ' +
    'identity into an administrator. Names are compared without regard to case, as IAM does. ' +
    'Refused attempts are reported too (one level lower): a stolen credential probing whether ' +
    'it can escalate. Benign causes: bootstrap automation that manages its own role, an ' +
    'administrator fixing their own access.',
  attack: ['T1098.003', 'T1548'],
  references: [
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutUserPolicy.html',
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachRolePolicy.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_manage-attach-detach.html',
  ],
  runbook: 'iam-privilege-escalation',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    {
      eventSource: 'iam.amazonaws.com',
      eventNames: [...Object.keys(USER_GRANTS), ...Object.keys(ROLE_GRANTS)],
    },
  ],
  match(event) {
    if (!succeeded(event) || event.userIdentity?.invokedBy) return undefined;
    const grant = selfGrant(event);
    if (!grant) return undefined;
    const policy = requestString(event, 'policyArn') ?? requestString(event, 'policyName');
    return {
      summary: `${principalOf(event)} ${grant.verb}${policy ? ` (${policy})` : ''}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|self-grant`,
      resources: [`arn:aws:iam::${accountOf(event)}:${grant.self}`],
    };
  },
};
