import { requestString } from '../helpers/iam-target.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { functionNameOf } from '../helpers/lambda-names.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** `name`, `arn:...:function:name[:qualifier]` or `account:function:name` → `name`. */
function bareFunctionName(fn: string): string {
  const at = fn.indexOf(':function:');
  return at < 0 ? fn : (fn.slice(at + ':function:'.length).split(':')[0] ?? fn);
}

/** A function's execution role was set: its code now runs with that role's permissions. */
export const lambdaExecutionRoleChanged: Detector = {
  id: 'lambda-execution-role-changed',
  title: 'Lambda execution role changed',
  severity: 'medium',
  description:
    'UpdateFunctionConfiguration named an execution role (requestParameters.role). Swapping ' +
    'in a more powerful role is privilege escalation for anyone who can change or invoke the ' +
    "function's code (iam:PassRole plus lambda:UpdateFunctionConfiguration), and a weaker one " +
    'can break the function. CloudTrail logs only the new role, and CloudFormation, SAM, the ' +
    'Serverless Framework and the console settings page restate the unchanged role on every ' +
    'update, so this is a first-seen detector on the function and role pair: a pair seen in ' +
    'the first 7 days is learned silently, and afterwards only a role the function has not had ' +
    'within 90 days alerts (once). Benign causes: role refactoring, the first deployment of a ' +
    'new function after the learning period.',
  attack: ['T1098.003', 'T1548'],
  references: [
    'https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionConfiguration.html',
    'https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html',
  ],
  runbook: 'lambda-backdoor',
  dedupWindowSeconds: 3600,
  firstSeen: { learningDays: 7, forgetAfterDays: 90 },
  listensTo: [{ eventSource: 'lambda.amazonaws.com', eventNames: ['UpdateFunctionConfiguration'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const role = requestString(event, 'role');
    if (!role) return undefined;
    const fn = functionNameOf(event) ?? 'an unnamed function';
    const account = accountOf(event);
    return {
      summary: `${principalOf(event)} set the execution role of Lambda function ${fn} to ${role}`,
      dedupKey: `${account}|${principalForDedup(event)}|${fn}`,
      resources: [fn, role],
      // The function by name (a call may name it by ARN) and the role: who restates it is irrelevant.
      firstSeenKey: `${account}|${bareFunctionName(fn)}|${role.trim().toLowerCase()}`,
    };
  },
};
