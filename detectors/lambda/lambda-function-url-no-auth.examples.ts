import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** The function whose URL every example configures. */
export const FUNCTION_ARN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:webhook`;
/** The function URL Lambda returns. */
export const URL = 'https://abcdefghijklmnopqrstuvwxyz123456.lambda-url.us-east-1.on.aws/';

/**
 * CreateFunctionUrlConfig with `authType` in the request (any value, as logged); the response
 * states the auth type in force, AWS_IAM when the request leaves it out.
 */
export const urlConfig = (authType: unknown, overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'lambda.amazonaws.com',
    eventName: 'CreateFunctionUrlConfig20211031',
    requestParameters: { functionName: 'webhook', authType, invokeMode: 'BUFFERED' },
    responseElements: {
      functionUrl: URL,
      functionArn: FUNCTION_ARN,
      authType: authType ?? 'AWS_IAM',
      invokeMode: 'BUFFERED',
      creationTime: '2026-11-20T10:00:00.000Z',
    },
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'function URL created with auth type NONE', events: [urlConfig('NONE')] },
    {
      name: 'existing function URL switched to NONE',
      events: [
        urlConfig('NONE', {
          eventName: 'UpdateFunctionUrlConfig20211031',
          userIdentity: identities.ssoUser(),
        }),
      ],
    },
  ],
  noFire: [
    { name: 'function URL with IAM auth', events: [urlConfig('AWS_IAM')] },
    {
      name: 'update that leaves the auth type unchanged (CORS only)',
      events: [urlConfig(undefined, { eventName: 'UpdateFunctionUrlConfig20211031' })],
    },
    { name: 'denied create', events: [failed(urlConfig('NONE'))] },
  ],
};
