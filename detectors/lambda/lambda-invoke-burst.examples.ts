import { cloudTrailEvent, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const functionArn = 'arn:aws:lambda:us-east-1:111122223333:function:pdf-renderer';

/** Invoke as a Lambda data event. */
const invoke = (overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'lambda.amazonaws.com',
    eventName: 'Invoke',
    eventCategory: 'Data',
    managementEvent: false,
    readOnly: false,
    userIdentity: identities.iamUser('leaked-key-user'),
    requestParameters: { functionName: functionArn },
    responseElements: null,
    resources: [{ accountId: '111122223333', type: 'AWS::Lambda::Function', ARN: functionArn }],
    ...overrides,
  });

const times = (n: number, make: () => CloudTrailEvent) => Array.from({ length: n }, make);

export const examples: DetectorExamples = {
  fire: [{ name: 'a thousand invocations by one key', events: times(1000, () => invoke()) }],
  noFire: [
    { name: 'ordinary traffic', events: times(999, () => invoke()) },
    {
      name: 'S3 notifications invoking the function',
      events: times(1000, () =>
        invoke({ userIdentity: identities.awsService('s3.amazonaws.com') }),
      ),
    },
    {
      name: 'invocations without a function name anywhere',
      events: times(1000, () => invoke({ requestParameters: null, resources: null })),
    },
  ],
};
