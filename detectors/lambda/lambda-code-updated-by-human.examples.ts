import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const functionArn = 'arn:aws:lambda:us-east-1:111122223333:function:payments-api';

/** UpdateFunctionCode as Lambda logs it: version-suffixed name, the zip hidden. */
const updateCode = (overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'lambda.amazonaws.com',
    eventName: 'UpdateFunctionCode20150331v2',
    userIdentity: identities.iamUser('dev-laptop'),
    requestParameters: { functionName: 'payments-api', publish: false, dryRun: false },
    responseElements: {
      functionName: 'payments-api',
      functionArn,
      runtime: 'nodejs22.x',
      role: 'arn:aws:iam::111122223333:role/payments-api-role',
      handler: 'index.handler',
      codeSha256: 'Jt3Ktv1mJQ4vXNXi7uVqqaDN1ozHPoGHYj0EXAMPLE=',
      version: '$LATEST',
      lastUpdateStatus: 'InProgress',
    },
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'IAM user uploads new code', events: [updateCode()] },
    {
      name: 'SSO user edits code in the console',
      events: [{ ...updateCode({ userIdentity: identities.ssoUser() }) }],
    },
    {
      name: 'role session opened in the console',
      events: [
        {
          ...updateCode({ userIdentity: identities.assumedRole('Admin', 'okta-ana') }),
          sessionCredentialFromConsole: 'true',
        },
      ],
    },
  ],
  noFire: [
    {
      name: 'CI role deploys',
      events: [
        updateCode({ userIdentity: identities.assumedRole('GitHubActionsDeploy', 'run-42') }),
      ],
    },
    {
      name: 'CloudFormation updates the stack',
      events: [
        updateCode({
          userIdentity: {
            ...identities.assumedRole('CfnExecutionRole', 'AWSCloudFormation'),
            invokedBy: 'cloudformation.amazonaws.com',
          },
          sourceIPAddress: 'cloudformation.amazonaws.com',
        }),
      ],
    },
    { name: 'failed update', events: [failed(updateCode(), 'ResourceConflictException')] },
    {
      name: 'configuration, not code',
      events: [updateCode({ eventName: 'UpdateFunctionConfiguration20150331v2' })],
    },
  ],
};
