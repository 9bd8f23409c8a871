import { asArray, asString, getPath, isFalse } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector } from '../types.js';

/** Log types whose loss hides who did what in the cluster (Kubernetes audit, IAM authenticator). */
const ACCOUNTABILITY_LOGS = new Set(['audit', 'authenticator']);

/** Control-plane log types an UpdateClusterConfig request switches off, lower-case. */
function disabledLogTypes(request: unknown): string[] {
  const off = new Set<string>();
  for (const setup of asArray(getPath(request, 'logging', 'clusterLogging')).slice(0, 20)) {
    if (!isFalse(getPath(setup, 'enabled'))) continue;
    for (const type of asArray(getPath(setup, 'types')).slice(0, 20)) {
      const name = asString(type)?.trim().toLowerCase();
      if (name) off.add(name);
    }
  }
  return [...off];
}

/** EKS control-plane logs (Kubernetes audit, authenticator, API server) turned off. */
export const eksControlPlaneLoggingDisabled: Detector = {
  id: 'eks-control-plane-logging-disabled',
  title: 'EKS control-plane logging turned off',
  severity: 'medium',
  description:
    'UpdateClusterConfig succeeded with a logging setup that disables control-plane log ' +
    'types. High when audit or authenticator logs go: they are the only record of which ' +
    'identity did what inside the cluster (kubectl exec, secrets read, RBAC changes). ' +
    'Other types (api, controllerManager, scheduler) are medium. Denied attempts are ' +
    'reported one level lower. Benign causes: cost reduction on development clusters, ' +
    'logging moved to another pipeline.',
  attack: ['T1562.008'],
  references: [
    'EKS.8',
    'https://docs.aws.amazon.com/eks/latest/APIReference/API_UpdateClusterConfig.html',
    'https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'eks.amazonaws.com', eventNames: ['UpdateClusterConfig'] }],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const off = disabledLogTypes(event.requestParameters);
    if (off.length === 0) return undefined;
    const cluster = requestField(event, 'name') ?? 'unknown cluster';
    return {
      summary: `${principalOf(event)} turned off EKS control-plane logs ${off.join(', ')} on cluster ${cluster}`,
      severity: off.some((t) => ACCOUNTABILITY_LOGS.has(t)) ? 'high' : 'medium',
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|EksLogging|${cluster}`,
      resources: [cluster],
    };
  },
};
