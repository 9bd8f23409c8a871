import { isDeployCaller } from '../helpers/deploy-caller.js';
import { isHumanCaller } from '../helpers/human-caller.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { functionNameOf, layersSetBy } from '../helpers/lambda-names.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** A person, or a principal that is not a deployment, set the layers of an existing function. */
export const lambdaLayerAddedByHuman: Detector = {
  id: 'lambda-layer-added-by-human',
  title: 'Lambda layers set on a function outside a deployment',
  severity: 'medium',
  description:
    'UpdateFunctionConfiguration set one or more layers on an existing function, and the caller ' +
    'was a person (IAM user, root, federated user, IAM Identity Center or console session) or a ' +
    'role whose name does not say CI/CD or infrastructure as code. A layer (or extension) runs ' +
    "inside every invocation with the function's role, so adding one, even published in this " +
    'account, is persistence that survives code deployments; lambda-foreign-layer judges who ' +
    'published it, this detector who attached it. Deployments through CloudFormation or another ' +
    'AWS service (invokedBy) and roles named after pipelines (deploy, github, terraform, ' +
    'codebuild...) are not reported; an intruder holding a pipeline role is missed. Removing ' +
    'every layer does not alert. Benign causes: developers attaching observability or ' +
    'debugging layers by hand, automation with unconventional role names.',
  attack: ['T1525', 'T1648'],
  references: [
    'https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionConfiguration.html',
    'https://docs.aws.amazon.com/lambda/latest/dg/adding-layers.html',
  ],
  runbook: 'lambda-backdoor',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'lambda.amazonaws.com', eventNames: ['UpdateFunctionConfiguration'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    if (!isHumanCaller(event) && isDeployCaller(event)) return undefined;
    const layers = layersSetBy(event);
    if (layers.length === 0) return undefined;
    const fn = functionNameOf(event) ?? 'an unnamed function';
    const more = layers.length > 1 ? ` (+${layers.length - 1} more)` : '';
    return {
      summary: `${principalOf(event)} set layer ${layers[0]}${more} on Lambda function ${fn}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${fn}`,
      resources: [fn, ...layers.slice(0, 5)],
    };
  },
};
