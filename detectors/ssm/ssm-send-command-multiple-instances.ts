import { requestString } from '../helpers/iam-target.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { commandTargets } from '../helpers/ssm-targets.js';
import type { Detector } from '../types.js';

/** AWS-owned documents that run whatever script the caller passes: remote code execution. */
const REMOTE_SHELL_DOCUMENTS = new Set(['AWS-RunShellScript', 'AWS-RunPowerShellScript']);

/** How many targets a summary names before it stops listing. */
const LISTED = 5;

/** Run Command sent by one principal to three or more instances within an hour. */
export const ssmSendCommandMultipleInstances: Detector = {
  id: 'ssm-send-command-multiple-instances',
  title: 'SSM Run Command sent to many instances',
  severity: 'medium',
  description:
    'One principal used SSM SendCommand against 3 or more distinct targets within an hour. ' +
    'Every instance a call names counts, so one call to 3 instances is enough; a tag, ' +
    'resource-group or every-instance (InstanceIds=*) selector counts as one target, since the ' +
    'record does not say which instances it reached. Attackers with SSM rights run scripts on every reachable instance to steal ' +
    'instance-role credentials, deploy miners or move laterally without SSH. High when the ' +
    'document is AWS-RunShellScript or AWS-RunPowerShellScript, which run arbitrary commands. ' +
    'Calls made by AWS services (State Manager, Patch Manager, maintenance windows acting ' +
    'through invokedBy) are ignored. Benign causes: operators and automation running fleet ' +
    'maintenance, inventory or patch commands.',
  attack: ['T1651', 'T1059'],
  references: [
    'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_SendCommand.html',
    'https://docs.aws.amazon.com/systems-manager/latest/userguide/monitoring-cloudtrail-logs.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  threshold: { count: 3, windowSeconds: 3600, distinct: true },
  listensTo: [{ eventSource: 'ssm.amazonaws.com', eventNames: ['SendCommand'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const id = event.userIdentity;
    if (id?.type === 'AWSService' || id?.invokedBy) return undefined;
    const { instanceIds, selectors } = commandTargets(event.requestParameters);
    const targets = [...instanceIds, ...selectors];
    if (targets.length === 0) return undefined;
    const document = requestString(event, 'documentName') ?? 'an unnamed document';
    const listed = targets.slice(0, LISTED).join(', ');
    const more = targets.length > LISTED ? ` and ${targets.length - LISTED} more` : '';
    return {
      summary: `${principalOf(event)} ran ${document} on ${listed}${more}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}`,
      resources: instanceIds.slice(0, 20),
      distinctValues: targets,
      severity: REMOTE_SHELL_DOCUMENTS.has(document) ? 'high' : undefined,
    };
  },
};
