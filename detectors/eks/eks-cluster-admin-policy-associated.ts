import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import { clusterOf, principalArnOf } from '../helpers/eks-access.js';
import { asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import type { Detector, Severity } from '../types.js';

/** EKS access policies that administer the cluster, by the name that ends their ARN. */
const ADMIN_POLICIES: ReadonlyMap<string, Severity> = new Map([
  ['amazoneksclusteradminpolicy', 'high'],
  ['amazoneksadminpolicy', 'medium'],
]);

/** The policy name of `arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy`. */
function policyName(arn: string): string {
  return (arn.split('/').pop() ?? arn).trim().toLowerCase();
}

/** A principal was given Kubernetes administrator rights on an EKS cluster through an access policy. */
export const eksClusterAdminPolicyAssociated: Detector = {
  id: 'eks-cluster-admin-policy-associated',
  title: 'EKS cluster-admin access policy associated',
  severity: 'high',
  description:
    'AssociateAccessPolicy gave an IAM principal the AmazonEKSClusterAdminPolicy (high: ' +
    'cluster-admin, every object in every namespace) or AmazonEKSAdminPolicy (medium: admin ' +
    'of the namespaces in scope) through EKS access entries. Access entries let whoever can call ' +
    'the EKS API make any IAM role a Kubernetes administrator without touching the aws-auth ' +
    'ConfigMap, a documented path from cloud access to every workload and secret in the ' +
    'cluster. A call refused for lack of permission is reported as an attempt one level lower. ' +
    'Calls through CloudFormation or another AWS service are ignored. Benign causes: platform ' +
    'teams onboarding administrators, cluster bootstrap by infrastructure as code.',
  attack: ['T1098.006', 'T1078.004'],
  references: [
    'https://docs.aws.amazon.com/eks/latest/APIReference/API_AssociateAccessPolicy.html',
    'https://docs.aws.amazon.com/eks/latest/userguide/access-policy-permissions.html',
  ],
  runbook: 'iam-privilege-escalation',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'eks.amazonaws.com', eventNames: ['AssociateAccessPolicy'] }],
  match(event) {
    if (!succeeded(event) || calledThroughAwsService(event)) return undefined;
    const policy = requestField(event, 'policyArn');
    const severity = policy ? ADMIN_POLICIES.get(policyName(policy)) : undefined;
    if (!policy || !severity) return undefined;
    const cluster = clusterOf(event);
    const principal = principalArnOf(event) ?? 'an unnamed principal';
    const scope = asString(getPath(event.requestParameters, 'accessScope', 'type'));
    return {
      summary: `${principalOf(event)} gave ${principal} ${policy.split('/').pop()} on EKS cluster ${cluster}${scope ? ` (${scope} scope)` : ''}`,
      severity,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${cluster}|${principal}`,
      resources: [cluster, principal],
    };
  },
};
