import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import { clusterOf, principalArnOf } from '../helpers/eks-access.js';
import { asArray, asString, getPath } from '../helpers/fields.js';
import { accountFromArn, accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { isTrustedAccount } from '../helpers/resource-principal.js';
import { isVpceEvent } from '../helpers/vpce-event.js';
import type { Detector, Severity } from '../types.js';

/** Kubernetes groups that bypass RBAC entirely. */
const ADMIN_GROUPS = new Set(['system:masters']);

/** An IAM principal was given an access entry into an EKS cluster. */
export const eksAccessEntryCreated: Detector = {
  id: 'eks-access-entry-created',
  title: 'EKS access entry created',
  severity: 'low',
  description:
    'CreateAccessEntry let an IAM principal authenticate to an EKS cluster. Access entries are ' +
    'how cluster access is granted from the AWS API, and a way back in for an intruder. High ' +
    'when the entry puts the principal in system:masters (cluster-admin that no RBAC rule can ' +
    "limit); medium when the principal belongs to an account that is neither the cluster's nor " +
    'trusted; low otherwise (AssociateAccessPolicy grants then raise ' +
    'eks-cluster-admin-policy-associated). A call refused for lack of permission is reported as ' +
    'an attempt one level lower. Entries EKS or CloudFormation create (node roles through ' +
    'invokedBy) are ignored. Benign causes: onboarding people, roles and node groups.',
  attack: ['T1098.006', 'T1078.004'],
  references: [
    'https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateAccessEntry.html',
    'https://docs.aws.amazon.com/eks/latest/userguide/access-entries.html',
  ],
  runbook: 'iam-privilege-escalation',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'eks.amazonaws.com', eventNames: ['CreateAccessEntry'] }],
  match(event, ctx) {
    // A network activity event repeats the call without its request: judge the call itself.
    if (!succeeded(event) || calledThroughAwsService(event) || isVpceEvent(event)) return undefined;
    const cluster = clusterOf(event);
    const principal = principalArnOf(event) ?? 'an unnamed principal';
    const groups = asArray(getPath(event.requestParameters, 'kubernetesGroups'))
      .slice(0, 100)
      .map(asString)
      .filter((g): g is string => g !== undefined);
    const admin = groups.some((g) => ADMIN_GROUPS.has(g.trim().toLowerCase()));
    const owner = accountFromArn(principal);
    const here = accountOf(event);
    const outside = owner !== undefined && !isTrustedAccount(owner, here, ctx.settings);
    const severity: Severity | undefined = admin ? 'high' : outside ? 'medium' : undefined;
    const inGroups = groups.length > 0 ? ` in groups ${groups.slice(0, 5).join(', ')}` : '';
    const from = outside ? ` of account ${owner}` : '';
    return {
      summary: `${principalOf(event)} gave ${principal}${from} access to EKS cluster ${cluster}${inGroups}`,
      severity,
      dedupKey: `${here}|${principalForDedup(event)}|${cluster}|${principal}`,
      resources: [cluster, principal],
    };
  },
};
