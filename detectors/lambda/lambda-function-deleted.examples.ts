import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** DeleteFunction as CloudTrail logs it: the version-suffixed name, no response body. */
export const deleteFunction = (
  request: Record<string, unknown> = {},
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'lambda.amazonaws.com',
    eventName: 'DeleteFunction20150331',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: { functionName: 'guardduty-findings-responder', ...request },
    responseElements: null,
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'a whole function deleted', events: [deleteFunction()] },
    {
      name: 'the function named by ARN',
      events: [
        deleteFunction({
          functionName:
            'arn:aws:lambda:us-east-1:111122223333:function:guardduty-findings-responder',
        }),
      ],
    },
    { name: 'one version deleted (low)', events: [deleteFunction({ qualifier: '7' })] },
  ],
  noFire: [
    {
      name: 'the function does not exist',
      events: [failed(deleteFunction(), 'ResourceNotFoundException')],
    },
    {
      name: 'DeleteAlias keeps the function',
      events: [deleteFunction({ name: 'live' }, { eventName: 'DeleteAlias20150331' })],
    },
  ],
};
