import { asString, getPath, isTrue } from '../helpers/fields.js';
import { describeIamTarget, iamTargetOf, policyNamed } from '../helpers/iam-target.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { grantsFullAdministration, readPolicy } from '../semantics/index.js';
import type { CloudTrailEvent, Detector } from '../types.js';

interface Written {
  /** Where the document went, in words. */
  readonly where: string;
  readonly resources: readonly string[];
}

/** What the policy document was written to. */
function describeWrite(event: CloudTrailEvent): Written {
  const policy = policyNamed(event);
  if (event.eventName === 'CreatePolicy') {
    const arn = createdPolicyArn(event) ?? policy;
    return { where: `new managed policy ${policy ?? 'unnamed'}`, resources: arn ? [arn] : [] };
  }
  if (event.eventName === 'CreatePolicyVersion') {
    // A version that is not the default grants nothing until SetDefaultPolicyVersion promotes it.
    const state = isTrue(getPath(event.requestParameters, 'setAsDefault'))
      ? 'set as default, in force now'
      : 'not set as default, inactive until promoted';
    return {
      where: `new version of ${policy ?? 'an unnamed policy'} (${state})`,
      resources: policy ? [policy] : [],
    };
  }
  const found = iamTargetOf(event);
  const target = found?.kind === 'policy' ? undefined : found;
  return {
    where: `inline policy ${policy ?? 'unnamed'} on ${describeIamTarget(target)}`,
    resources: [target?.name, policy].filter((r): r is string => r !== undefined),
  };
}

/** CreatePolicy logs the new policy's ARN only in its response. */
function createdPolicyArn(event: CloudTrailEvent): string | undefined {
  const arn = asString(getPath(event.responseElements, 'policy', 'arn'));
  return arn === '' ? undefined : arn;
}

/** A policy document written through IAM that allows every action on every resource. */
export const iamPolicyGrantsFullAdmin: Detector = {
  id: 'iam-policy-grants-full-admin',
  title: 'IAM policy document grants full administrator access',
  severity: 'high',
  description:
    'An inline policy (PutUserPolicy, PutRolePolicy, PutGroupPolicy), a new managed policy ' +
    '(CreatePolicy) or a new policy version (CreatePolicyVersion) grants full administration: ' +
    'actions nobody named (Action "*", "*:*", or a NotAction) on every resource ("*", an ARN ' +
    'pattern such as arn:aws:*:*:*:*, or a NotResource), with IAM left in so that whatever is ' +
    'excluded can be granted back. PowerUserAccess-style policies (NotAction iam:*) and ' +
    'IAMFullAccess-style ones (iam:* only) are not. Writing such a ' +
    'document is a privilege-escalation path that does not use the AdministratorAccess policy ' +
    'by name. A new version not set as default is still reported: SetDefaultPolicyVersion can ' +
    'promote it later. Benign causes: bootstrap or break-glass roles created deliberately.',
  attack: ['T1098.003'],
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html',
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicyVersion.html',
  ],
  runbook: 'iam-privilege-escalation',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'iam.amazonaws.com',
      eventNames: [
        'PutUserPolicy',
        'PutRolePolicy',
        'PutGroupPolicy',
        'CreatePolicy',
        'CreatePolicyVersion',
      ],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    const policy = readPolicy(getPath(event.requestParameters, 'policyDocument'));
    if (!policy || !grantsFullAdministration(policy, accountOf(event))) return undefined;
    const { where, resources } = describeWrite(event);
    return {
      summary: `${principalOf(event)} granted full administration in ${where}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${resources.join(',')}`,
      resources,
    };
  },
};
