import { listHasAction, listHasResource, UNNAMED_ACTION } from './action-set.js';
import { splitArn } from './arn-match.js';
import type { PolicyDocument, PolicyStatement } from './policy-document.js';
import { hasWildcard } from './wildcard.js';

/**
 * Question (b) of docs/policy-evaluation.md: does a policy make its holder an
 * administrator? It does when, on every resource, it allows actions nobody
 * named (Action `*`, `*:*`, or any NotAction) and also lets the holder grant
 * itself more through IAM (attach or write a policy on a user, role or group,
 * or a new policy version): what is excluded can then be granted back.
 * `Resource` may be `*`, an ARN pattern that matches every ARN
 * (`arn:aws:*:*:*:*`), or a NotResource that leaves those out. PowerUserAccess
 * (NotAction iam:*, organizations:*, account:*) is not full administration;
 * IAMFullAccess (iam:* alone) neither: it is a path to it that other detectors judge.
 * Conditions on the Allow do not matter (the holder meets them when it wants);
 * a Deny counts only without conditions.
 */
const SELF_GRANTS: readonly [string, string][] = [
  ['iam:AttachUserPolicy', 'user'],
  ['iam:PutUserPolicy', 'user'],
  ['iam:AttachRolePolicy', 'role'],
  ['iam:PutRolePolicy', 'role'],
  ['iam:AttachGroupPolicy', 'group'],
  ['iam:PutGroupPolicy', 'group'],
  ['iam:CreatePolicyVersion', 'policy'],
];

function permitted(policy: PolicyDocument, action: string, resource: string): boolean {
  const applies = (s: PolicyStatement) =>
    listHasAction(s.actions, action) && listHasResource(s.resources, resource);
  return (
    policy.statements.some((s) => s.effect === 'Allow' && applies(s)) &&
    !policy.statements.some((s) => s.effect === 'Deny' && s.conditions.length === 0 && applies(s))
  );
}

/** `aws` plus every partition a Resource spells out, so `arn:aws-cn:*:*:*:*` counts in China. */
function partitionsOf(policy: PolicyDocument): Set<string> {
  const out = new Set(['aws']);
  for (const s of policy.statements) {
    for (const pattern of s.resources.patterns) {
      const partition = splitArn(pattern)?.partition;
      if (partition && !hasWildcard(partition)) out.add(partition);
    }
  }
  return out;
}

export function grantsFullAdministration(policy: PolicyDocument, ownAccount: string): boolean {
  for (const partition of partitionsOf(policy)) {
    const unnamed = `arn:${partition}:zz0unnamed:us-east-1:${ownAccount}:thing/0unnamed`;
    if (!permitted(policy, UNNAMED_ACTION, unnamed)) continue;
    const iam = (type: string) => `arn:${partition}:iam::${ownAccount}:${type}/0unnamed`;
    if (SELF_GRANTS.some(([action, type]) => permitted(policy, action, iam(type)))) return true;
  }
  return false;
}
