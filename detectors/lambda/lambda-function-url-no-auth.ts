import { baseEventName } from '../helpers/event-name.js';
import { asString, getPath } from '../helpers/fields.js';
import { principalOf } from '../helpers/identity.js';
import { functionAccountOf } from '../helpers/lambda-names.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** A function URL was created or switched to auth type NONE: an unauthenticated HTTPS entry point. */
export const lambdaFunctionUrlNoAuth: Detector = {
  id: 'lambda-function-url-no-auth',
  title: 'Lambda function URL without authentication',
  severity: 'high',
  description:
    'CreateFunctionUrlConfig or UpdateFunctionUrlConfig set the function URL auth type to NONE: ' +
    'anyone who knows the URL can call the function, with its role, once the resource policy ' +
    'allows `*` (the console adds that statement itself). Attackers use it as a persistent, ' +
    'unauthenticated backdoor into the account. An update that does not mention authType leaves ' +
    'it unchanged and is not flagged. Benign causes: public webhooks (payment, chat, source ' +
    'control) that authenticate requests in code.',
  attack: ['T1133'],
  references: [
    'Lambda.1',
    'https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html',
    'https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunctionUrlConfig.html',
  ],
  runbook: 'lambda-backdoor',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'lambda.amazonaws.com',
      eventNames: ['CreateFunctionUrlConfig', 'UpdateFunctionUrlConfig'],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    const authType = asString(getPath(event.requestParameters, 'authType'));
    if (authType?.trim().toUpperCase() !== 'NONE') return undefined;
    const fn =
      asString(getPath(event.responseElements, 'functionArn')) ??
      asString(getPath(event.requestParameters, 'functionName')) ??
      'unknown function';
    const url = asString(getPath(event.responseElements, 'functionUrl'));
    const verb = baseEventName(event.eventName).startsWith('Create') ? 'created' : 'switched';
    return {
      summary: `${principalOf(event)} ${verb} a function URL with no auth on ${fn}${url ? ` (${url})` : ''}`,
      dedupKey: `${functionAccountOf(event)}|${fn}`,
      resources: [fn],
    };
  },
};
