import { isHumanCaller } from '../helpers/human-caller.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { functionNameOf } from '../helpers/lambda-names.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** A person, rather than a deployment pipeline, replaced a function's code. */
export const lambdaCodeUpdatedByHuman: Detector = {
  id: 'lambda-code-updated-by-human',
  title: 'Lambda function code updated by a person',
  severity: 'medium',
  description:
    'UpdateFunctionCode replaced the code of a function, and the caller was a person: an IAM ' +
    'user, the root user, a federated user, an IAM Identity Center session or a role session ' +
    'opened in the console. Production code normally arrives through a pipeline role; an ' +
    "attacker overwrites a function's code to run with its role, read its events and secrets, " +
    'or plant a backdoor behind an API. Pipelines (CI roles, CloudFormation acting through ' +
    'invokedBy) are not reported. Roles assumed from the CLI with SAML or OIDC helpers look ' +
    'like pipelines and are missed. Benign causes: developers deploying from a laptop (SAM, ' +
    'Serverless, the console editor), hotfixes.',
  attack: ['T1525', 'T1648'],
  references: [
    'https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionCode.html',
    'https://docs.aws.amazon.com/lambda/latest/dg/logging-using-cloudtrail.html',
  ],
  runbook: 'lambda-backdoor',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'lambda.amazonaws.com', eventNames: ['UpdateFunctionCode'] }],
  match(event) {
    if (!succeeded(event) || !isHumanCaller(event)) return undefined;
    const fn = functionNameOf(event) ?? 'an unnamed function';
    return {
      summary: `${principalOf(event)} replaced the code of Lambda function ${fn}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${fn}`,
      resources: [fn],
    };
  },
};
