import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import { describeTextRisk, stringsOf, textRisk } from '../helpers/container-risk.js';
import { asArray, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import type { Detector, Severity } from '../types.js';

const MAX_ITEMS = 64;

/** The commands a SubmitJob request overrides: single-container, multi-node and ECS-properties forms. */
function overriddenCommands(request: unknown): string[] {
  const commands = [...stringsOf(getPath(request, 'containerOverrides', 'command'))];
  for (const node of asArray(getPath(request, 'nodeOverrides', 'nodePropertyOverrides')).slice(
    0,
    MAX_ITEMS,
  )) {
    commands.push(...stringsOf(getPath(node, 'containerOverrides', 'command')));
  }
  for (const task of asArray(getPath(request, 'ecsPropertiesOverride', 'taskProperties')).slice(
    0,
    MAX_ITEMS,
  )) {
    for (const container of asArray(getPath(task, 'containers')).slice(0, MAX_ITEMS)) {
      commands.push(...stringsOf(getPath(container, 'command')));
    }
  }
  return commands;
}

/** A Batch job was submitted with its command replaced. */
export const batchJobCommandOverridden: Detector = {
  id: 'batch-job-command-overridden',
  title: 'AWS Batch job submitted with an overridden command',
  severity: 'medium',
  description:
    'SubmitJob submitted an AWS Batch job whose container command is replaced by the request ' +
    '(containerOverrides, node overrides or ECS properties overrides). The job runs that ' +
    "command in the job definition's container, with its job role and, on EC2 compute " +
    'environments, next to the instance role: arbitrary execution without registering a new ' +
    'job definition. High when the command mines, reads the credentials endpoints or pipes a ' +
    'download to a shell. Submissions by EventBridge, Step Functions or another AWS service ' +
    '(invokedBy) are ignored. Benign causes: pipelines and people passing per-run commands to ' +
    'generic job definitions.',
  attack: ['T1610', 'T1059'],
  references: [
    'https://docs.aws.amazon.com/batch/latest/APIReference/API_SubmitJob.html',
    'https://docs.aws.amazon.com/batch/latest/APIReference/API_ContainerOverrides.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'batch.amazonaws.com', eventNames: ['SubmitJob'] }],
  match(event) {
    if (!succeeded(event) || calledThroughAwsService(event)) return undefined;
    const commands = overriddenCommands(event.requestParameters);
    if (commands.length === 0) return undefined;
    const risk = textRisk(commands);
    const severity: Severity | undefined = risk ? 'high' : undefined;
    const definition = requestField(event, 'jobDefinition') ?? 'an unnamed job definition';
    const queue = requestField(event, 'jobQueue') ?? 'an unnamed queue';
    return {
      summary: `${principalOf(event)} submitted ${definition} to ${queue} with command "${commands.join(' ').slice(0, 200)}"${risk ? ` (${describeTextRisk(risk)})` : ''}`,
      severity,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${definition}`,
      resources: [definition, queue],
    };
  },
};
