import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import { baseEventName } from '../helpers/event-name.js';
import { getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import {
  describeOutside,
  isDirect,
  outsideAccess,
  ownershipOf,
  readPolicy,
} from '../semantics/index.js';
import type { Detector, Severity } from '../types.js';

/** A registry or repository policy now lets in anyone, or accounts outside the organisation. */
export const ecrPolicySharedOutside: Detector = {
  id: 'ecr-policy-shared-outside',
  title: 'ECR registry or repository policy opened outside the organisation',
  severity: 'high',
  description:
    'PutRegistryPolicy set a private registry policy, or SetRepositoryPolicy a repository ' +
    'policy, that allows principals outside this account and trustedAccounts: anyone (`*` ' +
    'without a condition pinning who, high for a registry; a public repository policy raises ' +
    'resource-policy-made-public), a named outside account, or an organisation not in ' +
    'trustedOrganizationIds (medium). Images carry code, configuration and often secrets ' +
    'baked in; a registry policy also lets others replicate into or pull through the ' +
    'registry. Grants pinned by aws:PrincipalOrgID to a trusted organisation do not alert. ' +
    'Calls through CloudFormation or another AWS service are ignored. Benign causes: sharing ' +
    'images with partner or organisation accounts missing from trustedAccounts.',
  attack: ['T1537', 'T1525'],
  references: [
    'https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_PutRegistryPolicy.html',
    'https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_SetRepositoryPolicy.html',
    'https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry-permissions.html',
  ],
  runbook: 'data-exfiltration',
  dedupWindowSeconds: 3600,
  listensTo: [
    { eventSource: 'ecr.amazonaws.com', eventNames: ['PutRegistryPolicy', 'SetRepositoryPolicy'] },
  ],
  match(event, ctx) {
    if (!succeeded(event) || calledThroughAwsService(event)) return undefined;
    const registry = baseEventName(event.eventName) === 'PutRegistryPolicy';
    const policy = readPolicy(getPath(event.requestParameters, 'policyText'));
    if (!policy) return undefined;
    const own = requestField(event, 'registryId') ?? accountOf(event);
    // A public repository policy is resource-policy-made-public's finding: report the rest here.
    const grants = outsideAccess(policy, ownershipOf(own, ctx.settings)).filter(
      (g) => isDirect(g.who) && (registry || g.who.kind !== 'anyone'),
    );
    const first = grants[0];
    if (!first) return undefined;
    const target = registry
      ? `the private registry of account ${own}`
      : `repository ${requestField(event, 'repositoryName') ?? 'unnamed'}`;
    const whom = grants
      .slice(0, 3)
      .map((g) => describeOutside(g.who))
      .join(', ');
    const severity: Severity = first.who.kind === 'anyone' ? 'high' : 'medium';
    return {
      summary: `${principalOf(event)} opened ${target} to ${whom}`,
      severity,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${target}`,
      resources: [target],
    };
  },
};
