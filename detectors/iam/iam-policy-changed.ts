import { describeIamTarget, iamTargetOf, policyNamed } from '../helpers/iam-target.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/**
 * The exact event set of CIS 5.4 / Security Hub CloudWatch.4. Security Hub
 * checks for this filter verbatim, so the list is neither trimmed nor extended.
 */
const CIS_POLICY_EVENTS = [
  'DeleteGroupPolicy',
  'DeleteRolePolicy',
  'DeleteUserPolicy',
  'PutGroupPolicy',
  'PutRolePolicy',
  'PutUserPolicy',
  'CreatePolicy',
  'DeletePolicy',
  'CreatePolicyVersion',
  'DeletePolicyVersion',
  'AttachRolePolicy',
  'DetachRolePolicy',
  'AttachUserPolicy',
  'DetachUserPolicy',
  'AttachGroupPolicy',
  'DetachGroupPolicy',
] as const;

/** Change tracking for IAM permissions: any successful policy create, edit, attach or detach. */
export const iamPolicyChanged: Detector = {
  id: 'iam-policy-changed',
  title: 'IAM policy changed',
  severity: 'low',
  description:
    'An IAM policy was created, edited, deleted, attached or detached (the CIS 5.4 / ' +
    'CloudWatch.4 set). Every permission change is worth a record; the specific dangerous ' +
    'ones (administrator access, full-admin documents) have their own high-severity detectors. ' +
    'Benign causes: infrastructure-as-code deployments, routine access requests.',
  attack: ['T1098', 'T1098.003'],
  references: [
    'CIS 5.4',
    'CloudWatch.4',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_manage-edit.html',
  ],
  runbook: 'iam-privilege-escalation',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'iam.amazonaws.com', eventNames: CIS_POLICY_EVENTS }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const target = iamTargetOf(event);
    const policy = policyNamed(event);
    const resources = [target?.name, policy].filter((r): r is string => r !== undefined);
    const policyNote = policy && policy !== target?.name ? ` (policy ${policy})` : '';
    const onWhat = `${describeIamTarget(target)}${policyNote}`;
    return {
      summary: `${principalOf(event)} called ${event.eventName} on ${onWhat}`,
      // One alert per principal per hour: a deployment touching twenty policies is one change set.
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}`,
      resources: [...new Set(resources)],
    };
  },
};
