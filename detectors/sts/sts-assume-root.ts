import { asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** A privileged root session was opened on a member account (centralized root access). */
export const stsAssumeRoot: Detector = {
  id: 'sts-assume-root',
  title: 'Root session assumed on a member account',
  severity: 'high',
  description:
    'AssumeRoot succeeded: the management account or the delegated IAM administrator got ' +
    'short-term root credentials on a member account, scoped by a root-task policy (delete ' +
    'or audit root credentials, recreate a root password, unlock a bucket or queue policy). ' +
    'Root on a member account can undo any guardrail inside it. Benign causes: planned ' +
    'removal of member-account root credentials, unlocking a resource policy that locked ' +
    'everyone out.',
  attack: ['T1078.004', 'T1548'],
  references: [
    'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoot.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-track-privileged-tasks.html',
  ],
  runbook: 'root-account-use',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'sts.amazonaws.com', eventNames: ['AssumeRoot'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const target =
      asString(getPath(event.requestParameters, 'targetPrincipal'))?.trim() || 'unknown account';
    const task =
      asString(getPath(event.requestParameters, 'taskPolicyArn', 'arn'))?.trim() ?? 'unknown task';
    const taskName = task.slice(task.lastIndexOf('/') + 1);
    return {
      summary: `${principalOf(event)} assumed root on ${target} for ${taskName}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${target}|${taskName}`,
      resources: [target],
    };
  },
};
