import { requestString } from '../helpers/iam-target.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { functionNameOf } from '../helpers/lambda-names.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** A function's execution role was set: its code now runs with that role's permissions. */
export const lambdaExecutionRoleChanged: Detector = {
  id: 'lambda-execution-role-changed',
  title: 'Lambda execution role changed',
  severity: 'medium',
  description:
    'UpdateFunctionConfiguration named an execution role (requestParameters.role). Swapping ' +
    'in a more powerful role is privilege escalation for anyone who can change or invoke the ' +
    "function's code (iam:PassRole plus lambda:UpdateFunctionConfiguration), and a weaker one " +
    'can break the function. CloudTrail logs only the new role, so an unchanged role restated ' +
    'by a full configuration update (some deployment tools and the console settings page send ' +
    'every field) also fires. Benign causes: role refactoring, deployment tools that send the ' +
    'whole configuration.',
  attack: ['T1098.003', 'T1548'],
  references: [
    'https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionConfiguration.html',
    'https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html',
  ],
  runbook: 'lambda-backdoor',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'lambda.amazonaws.com', eventNames: ['UpdateFunctionConfiguration'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const role = requestString(event, 'role');
    if (!role) return undefined;
    const fn = functionNameOf(event) ?? 'an unnamed function';
    return {
      summary: `${principalOf(event)} set the execution role of Lambda function ${fn} to ${role}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${fn}`,
      resources: [fn, role],
    };
  },
};
