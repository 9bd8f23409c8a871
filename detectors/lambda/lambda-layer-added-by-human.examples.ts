import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const layer = (name: string, version = 1) =>
  `arn:aws:lambda:us-east-1:${ACCOUNT}:layer:${name}:${version}`;

/** UpdateFunctionConfiguration as Lambda logs it (the version-suffixed event name). */
const update = (
  requestParameters: Record<string, unknown>,
  userIdentity: CloudTrailEvent['userIdentity'],
) =>
  cloudTrailEvent({
    eventSource: 'lambda.amazonaws.com',
    eventName: 'UpdateFunctionConfiguration20150331v2',
    userIdentity,
    requestParameters: { functionName: 'orders-api', ...requestParameters },
    responseElements: {
      functionName: 'orders-api',
      functionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders-api`,
      layers: [requestParameters.layers ?? []].flat().map((arn) => ({ arn, codeSize: 4096 })),
    },
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'a console session adds an own-account layer',
      events: [
        {
          ...update(
            { layers: [layer('shared-utils', 7), layer('debug-hook')] },
            identities.assumedRole('Dev', 'mallory'),
          ),
          sessionCredentialFromConsole: 'true',
        },
      ],
    },
    {
      name: 'an application role (not a pipeline) sets a layer',
      events: [
        update(
          { layers: [layer('debug-hook')] },
          identities.assumedRole('OrdersApp', 'i-0aaa1111bbbb22220'),
        ),
      ],
    },
    {
      name: 'an IAM user sets a single layer written as a string',
      events: [update({ layers: layer('debug-hook') }, identities.iamUser('alice'))],
    },
  ],
  noFire: [
    {
      name: 'CloudFormation restating the layers',
      events: [
        update(
          { layers: [layer('shared-utils', 7)] },
          {
            ...identities.assumedRole('CfnExecution', 'AWSCloudFormation'),
            invokedBy: 'cloudformation.amazonaws.com',
          },
        ),
      ],
    },
    {
      name: 'a GitHub Actions deploy role',
      events: [
        update(
          { layers: [layer('shared-utils', 8)] },
          identities.assumedRole('GitHubActionsDeploy', 'run-42'),
        ),
      ],
    },
    {
      name: 'a person changing memory only',
      events: [update({ memorySize: 1024 }, identities.iamUser('alice'))],
    },
    {
      name: 'every layer removed',
      events: [update({ layers: [] }, identities.iamUser('alice'))],
    },
    {
      name: 'refused',
      events: [
        failed(
          update({ layers: [layer('debug-hook')] }, identities.iamUser('alice')),
          'AccessDeniedException',
        ),
      ],
    },
  ],
};
