import { ACCOUNT, cloudTrailEvent, failed, identities, OTHER_ACCOUNT } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** The function every example grants access to. */
export const FUNCTION_ARN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders-api`;

/** AddPermission as logged: the request flags, and the resulting statement as a JSON string. */
export const addPermission = (
  requestParameters: Record<string, unknown>,
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'lambda.amazonaws.com',
    eventName: 'AddPermission20150331v2',
    userIdentity: identities.assumedRole('Dev', 'mallory'),
    requestParameters: {
      functionName: 'orders-api',
      statementId: 'sid-1',
      action: 'lambda:InvokeFunction',
      ...requestParameters,
    },
    responseElements: {
      statement: JSON.stringify({
        Sid: 'sid-1',
        Effect: 'Allow',
        Principal: requestParameters.principal,
        Action: 'lambda:InvokeFunction',
        Resource: FUNCTION_ARN,
      }),
    },
    ...overrides,
  });

/** AddLayerVersionPermission sharing version 3 of the shared-utils layer. */
export const addLayerPermission = (requestParameters: Record<string, unknown>) =>
  cloudTrailEvent({
    eventSource: 'lambda.amazonaws.com',
    eventName: 'AddLayerVersionPermission20181031',
    requestParameters: {
      layerName: 'shared-utils',
      versionNumber: 3,
      statementId: 'share',
      action: 'lambda:GetLayerVersion',
      ...requestParameters,
    },
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'anyone may invoke the function', events: [addPermission({ principal: '*' })] },
    {
      name: 'role in an unknown account may invoke',
      events: [addPermission({ principal: `arn:aws:iam::${OTHER_ACCOUNT}:role/attacker` })],
    },
    {
      name: 'layer version made public',
      events: [addLayerPermission({ principal: '*' })],
    },
    {
      name: 'evasion: anyone, limited to an organisation that is not ours',
      settings: { trustedOrganizationIds: ['o-a1b2c3d4e5'] },
      events: [addPermission({ principal: '*', principalOrgID: 'o-zzzzzzzzzz' })],
    },
  ],
  noFire: [
    {
      name: 'anyone in our own organisation',
      settings: { trustedOrganizationIds: ['o-a1b2c3d4e5'] },
      events: [addPermission({ principal: '*', principalOrgID: 'o-a1b2c3d4e5' })],
    },
    {
      name: 'S3 notifications from an own bucket (CI deploy)',
      events: [
        addPermission(
          {
            principal: 's3.amazonaws.com',
            sourceArn: 'arn:aws:s3:::orders-uploads',
            sourceAccount: ACCOUNT,
          },
          { userIdentity: identities.assumedRole('GitHubActionsDeploy', 'run-42') },
        ),
      ],
    },
    {
      name: 'API Gateway in the own account',
      events: [
        addPermission({
          principal: 'apigateway.amazonaws.com',
          sourceArn: `arn:aws:execute-api:us-east-1:${ACCOUNT}:3c8y72vp6f/*/POST/orders`,
        }),
      ],
    },
    {
      name: 'grant to an account the organisation trusts',
      events: [addPermission({ principal: OTHER_ACCOUNT })],
      settings: { trustedAccounts: [OTHER_ACCOUNT] },
    },
    {
      name: 'anyone, restricted to the organisation',
      events: [addPermission({ principal: '*', principalOrgID: 'o-a1b2c3d4e5' })],
    },
    { name: 'denied public grant', events: [failed(addPermission({ principal: '*' }))] },
  ],
};
