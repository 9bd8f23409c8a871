import { asString, getPath, isTrue } from '../helpers/fields.js';
import { accountOf, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { POLICY_CHANGE_EVENTS, policyChangeOf } from '../helpers/resource-policy-requests.js';
import { outsideAccess, ownershipOf, readPolicy } from '../semantics/index.js';
import type { CloudTrailEvent, Detector, FindingDraft } from '../types.js';

/**
 * OpenSearch domains inside a VPC, or with fine-grained access control, are
 * commonly given an open access policy on AWS's own advice: reachability or the
 * internal user database does the gating. Still worth a look, not an emergency.
 */
function gatedElsewhere(event: CloudTrailEvent): boolean {
  if (event.eventSource !== 'es.amazonaws.com') return false;
  const subnets = getPath(event.requestParameters, 'vPCOptions', 'subnetIds');
  const fgac = getPath(event.requestParameters, 'advancedSecurityOptions', 'enabled');
  return (Array.isArray(subnets) && subnets.length > 0) || isTrue(fgac);
}

function codebuildPublic(event: CloudTrailEvent): FindingDraft | undefined {
  const visibility = asString(getPath(event.requestParameters, 'projectVisibility'));
  if (visibility?.trim().toUpperCase() !== 'PUBLIC_READ') return undefined;
  const project =
    asString(getPath(event.requestParameters, 'projectArn'))?.trim() || 'unknown project';
  return {
    summary: `${principalOf(event)} made CodeBuild project ${project} public (build logs and artifacts readable by anyone)`,
    dedupKey: `${accountOf(event)}|public|${project}`,
    resources: [project],
  };
}

/** A queue, topic, repository, vault, domain or build project is now open to anyone. */
export const resourcePolicyMadePublic: Detector = {
  id: 'resource-policy-made-public',
  title: 'Resource policy made public (SQS, SNS, ECR, Glacier, OpenSearch, CodeBuild)',
  severity: 'high',
  description:
    'A resource policy was set that lets anyone in, judged as AWS evaluates it: an Allow for ' +
    '`*` (or NotPrincipal) whose conditions an outsider can meet and that no Deny certainly ' +
    'takes back (a trusted organisation, our accounts or source ARNs, our VPC endpoint, or an ' +
    'IP range short of the internet restrict; wildcard patterns and ForAllValues on absent ' +
    'keys do not): SQS ' +
    'SetQueueAttributes or CreateQueue, SNS SetTopicAttributes (Policy) or CreateTopic, ECR ' +
    'SetRepositoryPolicy, Glacier SetVaultAccessPolicy, OpenSearch domain create or update ' +
    '(access policies); or a CodeBuild project was made PUBLIC_READ. Anyone can then read, ' +
    'send, pull or invoke as the policy allows. The default SNS topic policy (pinned to the ' +
    'owner by AWS:SourceOwner) does not fire. OpenSearch domains in a VPC or with fine-grained ' +
    'access control are medium: open policies are a documented pattern there. Benign causes: ' +
    'deliberately public container images or topics.',
  attack: ['T1190', 'T1530'],
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_elements_principal.html',
    'https://docs.aws.amazon.com/config/latest/developerguide/sqs-queue-no-public-access.html',
    'https://docs.aws.amazon.com/codebuild/latest/userguide/public-builds.html',
    'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ac.html',
  ],
  runbook: 's3-public-exposure',
  dedupWindowSeconds: 3600,
  listensTo: [
    ...POLICY_CHANGE_EVENTS,
    { eventSource: 'codebuild.amazonaws.com', eventNames: ['UpdateProjectVisibility'] },
  ],
  match(event, ctx) {
    if (!succeeded(event)) return undefined;
    if (event.eventSource === 'codebuild.amazonaws.com') return codebuildPublic(event);
    const change = policyChangeOf(event);
    const policy = change && readPolicy(change.policy);
    if (!change || !policy) return undefined;
    const owner = ownershipOf(accountOf(event), ctx.settings);
    if (!outsideAccess(policy, owner).some((grant) => grant.who.kind === 'anyone'))
      return undefined;
    return {
      summary: `${principalOf(event)} made ${change.service} ${change.resource} public`,
      dedupKey: `${accountOf(event)}|public|${change.resource}`,
      resources: [change.resource],
      severity: gatedElsewhere(event) ? 'medium' : 'high',
    };
  },
};
