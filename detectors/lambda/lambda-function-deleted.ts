import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { invokedByAnyOf, isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector } from '../types.js';

const CLOUDFORMATION = new Set(['cloudformation.amazonaws.com']);

/** A Lambda function, or one of its versions, was deleted. */
export const lambdaFunctionDeleted: Detector = {
  id: 'lambda-function-deleted',
  title: 'Lambda function deleted',
  severity: 'medium',
  description:
    'DeleteFunction (logged as DeleteFunction20150331) succeeded for a whole function: its ' +
    'code, every version and alias, and its triggers are gone, and whatever it did (a ' +
    'security responder, a log forwarder, an application) stops. Deleting one version ' +
    '(Qualifier) is low, as is a deletion CloudFormation makes with a stack. Calls through ' +
    'service-linked roles are ignored. Benign causes: stack teardown, clean-up of old ' +
    'functions and versions.',
  attack: ['T1485'],
  references: [
    'https://docs.aws.amazon.com/lambda/latest/api/API_DeleteFunction.html',
    'https://docs.aws.amazon.com/lambda/latest/dg/logging-using-cloudtrail.html',
  ],
  runbook: 'lambda-backdoor',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'lambda.amazonaws.com', eventNames: ['DeleteFunction'] }],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const fn = requestField(event, 'functionName') ?? 'unknown function';
    const version = requestField(event, 'qualifier');
    const routine = Boolean(version) || invokedByAnyOf(event, CLOUDFORMATION);
    return {
      summary: version
        ? `${principalOf(event)} deleted version ${version} of Lambda function ${fn}`
        : `${principalOf(event)} deleted Lambda function ${fn}`,
      severity: routine ? 'low' : 'medium',
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|DeleteFunction`,
      resources: [fn],
    };
  },
};
