import { ACCOUNT, cloudTrailEvent, failed, identities, OTHER_ACCOUNT } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** Account that publishes the AWS Lambda Powertools layers in us-east-1. */
export const POWERTOOLS_ACCOUNT = '017000801446';
/** ARN of version `version` of layer `name` published by `account`. */
export const layer = (account: string, name = 'extension', version = 1) =>
  `arn:aws:lambda:us-east-1:${account}:layer:${name}:${version}`;

/** UpdateFunctionConfiguration by a developer role, as the Lambda API logs it. */
export const updateConfiguration = (
  requestParameters: Record<string, unknown>,
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'lambda.amazonaws.com',
    eventName: 'UpdateFunctionConfiguration20150331v2',
    userIdentity: identities.assumedRole('Dev', 'mallory'),
    requestParameters: { functionName: 'orders-api', ...requestParameters },
    responseElements: {
      functionName: 'orders-api',
      functionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders-api`,
    },
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'layer from an unknown account added to a function',
      events: [updateConfiguration({ layers: [layer(OTHER_ACCOUNT)] })],
    },
    {
      name: 'foreign layer slipped in among own and trusted layers',
      events: [
        updateConfiguration({
          layers: [layer(ACCOUNT, 'shared'), layer(POWERTOOLS_ACCOUNT), layer(OTHER_ACCOUNT)],
        }),
      ],
      settings: { trustedLayerPublishers: [POWERTOOLS_ACCOUNT] },
    },
    {
      name: 'layer known only from the response: a created function, request not logged',
      events: [
        cloudTrailEvent({
          eventSource: 'lambda.amazonaws.com',
          eventName: 'CreateFunction20150331',
          userIdentity: identities.assumedRole('Dev', 'mallory'),
          requestParameters: null,
          responseElements: {
            functionName: 'orders-api',
            functionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders-api`,
            layers: [{ arn: layer(OTHER_ACCOUNT), codeSize: 4096 }],
          },
        }),
      ],
    },
  ],
  noFire: [
    {
      name: 'update that leaves layers alone, its response restating an old layer',
      events: [
        updateConfiguration(
          { memorySize: 1024 },
          {
            responseElements: {
              functionName: 'orders-api',
              layers: [{ arn: layer(OTHER_ACCOUNT), codeSize: 4096 }],
            },
          },
        ),
      ],
    },
    {
      name: 'Powertools layer with its publisher trusted',
      events: [
        updateConfiguration({
          layers: [layer(POWERTOOLS_ACCOUNT, 'AWSLambdaPowertoolsPythonV3', 7)],
        }),
      ],
      settings: { trustedLayerPublishers: [POWERTOOLS_ACCOUNT] },
    },
    {
      name: 'AWS-published layers (Lambda Insights, Parameters and Secrets) without configuration',
      events: [
        updateConfiguration({
          layers: [
            layer(ACCOUNT, 'shared'),
            'arn:aws:lambda:us-east-1:580247275435:layer:LambdaInsightsExtension:53',
            'arn:aws:lambda:us-east-1:177933569100:layer:AWS-Parameters-and-Secrets-Lambda-Extension:12',
          ],
        }),
      ],
    },
    {
      name: 'layer published in the same account',
      events: [updateConfiguration({ layers: [layer(ACCOUNT, 'shared')] })],
    },
    {
      name: 'CI updates memory and environment without layers',
      events: [updateConfiguration({ memorySize: 1024, environment: {} })],
    },
    {
      name: 'denied update',
      events: [failed(updateConfiguration({ layers: [layer(OTHER_ACCOUNT)] }))],
    },
  ],
};
