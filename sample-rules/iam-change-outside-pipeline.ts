import { calledThroughAwsService } from '../detectors/helpers/aws-service-caller.js';
import { accountOf, principalForDedup, principalOf } from '../detectors/helpers/identity.js';
import { succeeded } from '../detectors/helpers/outcome.js';
import type { CloudTrailEvent, Detector } from '../detectors/types.js';

/**
 * Roles allowed to change IAM in this (example) organisation: the deployment
 * pipeline and CloudFormation's service role. Lower-case role names; edit to match.
 */
const PIPELINE_ROLES: ReadonlySet<string> = new Set(['terraformdeployer', 'cfn-exec']);

/** IAM calls that change who can do what. Reads and tagging are left out. */
const IAM_WRITES = [
  'AttachGroupPolicy',
  'AttachRolePolicy',
  'AttachUserPolicy',
  'CreatePolicy',
  'CreatePolicyVersion',
  'CreateRole',
  'CreateUser',
  'PutGroupPolicy',
  'PutRolePolicy',
  'PutUserPolicy',
  'UpdateAssumeRolePolicy',
] as const;

function isPipeline(event: CloudTrailEvent): boolean {
  const issuer = event.userIdentity?.sessionContext?.sessionIssuer;
  const name = issuer?.type === 'Role' ? issuer.userName : undefined;
  return typeof name === 'string' && PIPELINE_ROLES.has(name.toLowerCase());
}

/** A company-specific rule: IAM is changed only through the pipeline, so any other change stands out. */
export const iamChangeOutsidePipeline: Detector = {
  id: 'iam-change-outside-pipeline',
  title: 'IAM changed outside the deployment pipeline',
  severity: 'medium',
  description:
    'A role, user or policy was created or changed by a principal that is not one of the ' +
    'pipeline roles (PIPELINE_ROLES in this file). Where IAM is managed as code, a hand-made ' +
    'change is either drift or someone granting themselves access. AWS services acting on ' +
    'their own (service-linked roles) are ignored. Benign causes: an emergency fix during an ' +
    'incident, a new team not yet onboarded to the pipeline.',
  attack: ['T1098'],
  references: ['CIS 5.4', 'CloudWatch.4'],
  runbook: 'iam-privilege-escalation',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'iam.amazonaws.com', eventNames: IAM_WRITES }],
  match(event) {
    if (!succeeded(event) || calledThroughAwsService(event) || isPipeline(event)) return undefined;
    return {
      summary: `${principalOf(event)} called ${event.eventName} outside the deployment pipeline`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|outside-pipeline`,
    };
  },
};
