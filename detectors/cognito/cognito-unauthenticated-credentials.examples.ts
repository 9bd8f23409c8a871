import { cloudTrailEvent, failed } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const POOL = 'us-east-1:2dg778b3-50b7-565c-0f56-34200EXAMPLE';
const POOL_ARN = `arn:aws:cognito-identity:us-east-1:111122223333:identitypool/${POOL}`;
const IDENTITY = 'us-east-1:1cf667a2-49a6-454b-9e45-23199EXAMPLE';
const CLI =
  'aws-cli/2.17.0 Python/3.12.4 Linux/6.1 exe/x86_64 prompt/off command/cognito-identity.get-credentials-for-identity';
const BROWSER =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';

/**
 * Identity-pool data events as CloudTrail logs them: caller `Unknown`, the pool
 * in `resources`, login tokens (when any) hidden. Guest calls carry no `logins`.
 */
const identityPoolCall = (
  eventName: string,
  requestParameters: Record<string, unknown>,
  overrides: Partial<CloudTrailEvent> = {},
): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 'cognito-identity.amazonaws.com',
    eventName,
    userIdentity: { type: 'Unknown' },
    sourceIPAddress: '198.51.100.23',
    userAgent: CLI,
    requestParameters,
    responseElements: { identityId: IDENTITY },
    resources: [{ accountId: '111122223333', type: 'AWS::Cognito::IdentityPool', ARN: POOL_ARN }],
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: false,
    eventCategory: 'Data',
    ...overrides,
  });

export const guestCredentials = (overrides: Partial<CloudTrailEvent> = {}) =>
  identityPoolCall(
    'GetCredentialsForIdentity',
    { identityId: IDENTITY },
    {
      responseElements: {
        credentials: {
          accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
          sessionToken: 'aAaAaAaAaAaAab1111111111EXAMPLE',
          expiration: 'Nov 20, 2026 11:00:00 AM',
        },
        identityId: IDENTITY,
      },
      ...overrides,
    },
  );

export const examples: DetectorExamples = {
  fire: [
    { name: 'guest credentials fetched with the AWS CLI', events: [guestCredentials()] },
    {
      name: 'guest identity created from a Python script (GetId)',
      events: [
        identityPoolCall(
          'GetId',
          { identityPoolId: POOL, logins: {} },
          { userAgent: 'python-requests/2.32.3', resources: null },
        ),
      ],
    },
    {
      name: 'classic flow: guest OpenID token with boto3',
      events: [
        identityPoolCall(
          'GetOpenIdToken',
          { identityId: IDENTITY },
          { userAgent: 'Boto3/1.35.0 md/Botocore#1.35.0 ua/2.0 os/linux lang/python#3.12.4' },
        ),
      ],
    },
  ],
  noFire: [
    {
      name: 'signed-in user of a user pool (logins present)',
      events: [
        guestCredentials({
          requestParameters: {
            identityId: IDENTITY,
            logins: {
              'cognito-idp.us-east-1.amazonaws.com/us-east-1_aaaaaaaaa':
                'HIDDEN_DUE_TO_SECURITY_REASONS',
            },
          },
        }),
      ],
    },
    { name: 'the web app’s own guest access', events: [guestCredentials({ userAgent: BROWSER })] },
    {
      name: 'Amplify in a browser',
      events: [
        guestCredentials({
          userAgent:
            'aws-sdk-js/3.621.0 ua/2.1 os/other lang/js md/browser#Chrome_130 api/cognito-identity#3.621.0 aws-amplify/6.6.0 auth/3',
        }),
      ],
    },
    {
      name: 'guest access disabled on the pool',
      events: [
        failed(
          guestCredentials(),
          'NotAuthorizedException',
          'Unauthenticated access is not supported for this identity pool.',
        ),
      ],
    },
  ],
};
