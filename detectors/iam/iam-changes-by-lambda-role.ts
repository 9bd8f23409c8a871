import { describeIamTarget, iamTargetOf } from '../helpers/iam-target.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/**
 * AWS SDKs append `exec-env/$AWS_EXECUTION_ENV` to their user agent, and Lambda
 * sets that variable to `AWS_Lambda_<runtime>` (`AWS_Lambda_nodejs22.x`,
 * `AWS_Lambda_python3.12`, `AWS_Lambda_java21`...). The session name of a
 * Lambda execution role is the function name, which proves nothing.
 */
const LAMBDA_EXEC_ENV = 'aws_lambda_';
/** User agents are attacker-sized strings; the marker sits well inside real ones. */
const MAX_UA_CHARS = 2048;

function fromLambdaRuntime(event: CloudTrailEvent): boolean {
  const ua = event.userAgent;
  return (
    typeof ua === 'string' && ua.slice(0, MAX_UA_CHARS).toLowerCase().includes(LAMBDA_EXEC_ENV)
  );
}

/** IAM identities or permissions created by code running in a Lambda function. */
export const iamChangesByLambdaRole: Detector = {
  id: 'iam-changes-by-lambda-role',
  title: 'IAM identities or permissions changed from inside a Lambda function',
  severity: 'high',
  description:
    'A role session whose SDK user agent says it runs in Lambda (exec-env/AWS_Lambda_...) ' +
    'created a user, role, access key or login profile, attached or put a user or role policy, ' +
    'added a user to a group, or rewrote a trust policy. Functions rarely manage IAM; an ' +
    'attacker who gets code execution in a function with a broad execution role uses it to ' +
    'mint persistent credentials. Benign causes: account-vending, key-rotation or ' +
    'CloudFormation custom-resource functions that manage IAM by design.',
  attack: ['T1098', 'T1136.003', 'T1648'],
  references: [
    'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html',
    'https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html',
  ],
  runbook: 'lambda-backdoor',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'iam.amazonaws.com',
      eventNames: [
        'CreateUser',
        'CreateAccessKey',
        'CreateRole',
        'CreateLoginProfile',
        'AttachUserPolicy',
        'AttachRolePolicy',
        'PutUserPolicy',
        'PutRolePolicy',
        'AddUserToGroup',
        'UpdateAssumeRolePolicy',
      ],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    if (event.userIdentity?.type !== 'AssumedRole' || !fromLambdaRuntime(event)) return undefined;
    const target = describeIamTarget(iamTargetOf(event));
    return {
      summary: `${principalOf(event)} called ${event.eventName} on ${target} from a Lambda function`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}`,
    };
  },
};
