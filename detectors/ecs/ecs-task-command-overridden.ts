import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import {
  describeTextRisk,
  environmentValues,
  stringsOf,
  textRisk,
} from '../helpers/container-risk.js';
import { asArray, asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { hasPrivilegedRoleName } from '../helpers/privileged-role-name.js';
import { requestField } from '../helpers/request-values.js';
import type { Detector, Severity } from '../types.js';

const MAX_ITEMS = 64;

/** A task was started with its command or its role replaced at launch. */
export const ecsTaskCommandOverridden: Detector = {
  id: 'ecs-task-command-overridden',
  title: 'ECS task run with an overridden command or role',
  severity: 'medium',
  description:
    'RunTask or StartTask started a task with overrides that replace a container command or ' +
    'the task role. Overrides run arbitrary code inside an existing, trusted task definition, ' +
    'with its network access and (or another) role, without registering anything new: a ' +
    'quiet way to execute commands and collect role credentials. High when the command mines, ' +
    'reads the credentials endpoints or pipes a download to a shell, or the role named looks ' +
    'like an administrator role. Launches by EventBridge or another AWS service (invokedBy) are ' +
    'ignored. Benign causes: one-off jobs and migrations run from a shared definition, Step ' +
    'Functions and schedulers passing per-run commands.',
  attack: ['T1610', 'T1059'],
  references: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskOverride.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'ecs.amazonaws.com', eventNames: ['RunTask', 'StartTask'] }],
  match(event) {
    if (!succeeded(event) || calledThroughAwsService(event)) return undefined;
    const overrides = getPath(event.requestParameters, 'overrides');
    const texts: string[] = [];
    for (const container of asArray(getPath(overrides, 'containerOverrides')).slice(0, MAX_ITEMS)) {
      texts.push(...stringsOf(getPath(container, 'command')));
      if (texts.length > 0) texts.push(...environmentValues(getPath(container, 'environment')));
    }
    const role = asString(getPath(overrides, 'taskRoleArn'))?.trim() || undefined;
    if (texts.length === 0 && !role) return undefined;
    const risk = textRisk(texts);
    const severity: Severity | undefined = risk || hasPrivilegedRoleName(role) ? 'high' : undefined;
    const definition = requestField(event, 'taskDefinition') ?? 'an unnamed task definition';
    const command = texts.length > 0 ? ` with command "${texts.join(' ').slice(0, 200)}"` : '';
    const withRole = role ? ` as role ${role}` : '';
    return {
      summary: `${principalOf(event)} ran ${definition}${command}${withRole}${risk ? ` (${describeTextRisk(risk)})` : ''}`,
      severity,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${definition}`,
      resources: [definition, ...(role ? [role] : [])],
    };
  },
};
