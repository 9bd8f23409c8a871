import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const LAMBDA_UA =
  'aws-sdk-js/3.654.0 ua/2.1 os/linux#5.10.227-239.884.amzn2.x86_64 lang/js md/nodejs#20.17.0 ' +
  'api/iam#3.654.0 exec-env/AWS_Lambda_nodejs20.x m/E';

/** A function's execution-role session: the session name is the function name. */
const fromFunction = identities.assumedRole('thumbnailer-role', 'thumbnailer', 'false');

const createAccessKey = cloudTrailEvent({
  eventSource: 'iam.amazonaws.com',
  eventName: 'CreateAccessKey',
  userIdentity: fromFunction,
  userAgent: LAMBDA_UA,
  requestParameters: { userName: 'backup-admin' },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'a function mints an access key for a user', events: [createAccessKey] },
    {
      name: 'a Python function attaches a policy to a role',
      events: [
        cloudTrailEvent({
          eventSource: 'iam.amazonaws.com',
          eventName: 'AttachRolePolicy',
          userIdentity: fromFunction,
          userAgent:
            'Boto3/1.34.144 md/Botocore#1.34.144 ua/2.0 os/linux#5.10 md/arch#x86_64 ' +
            'lang/python#3.12.4 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy',
          requestParameters: {
            roleName: 'thumbnailer-role',
            policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
          },
        }),
      ],
    },
  ],
  noFire: [
    {
      name: 'the same call from an engineer using the CLI',
      events: [
        {
          ...createAccessKey,
          userIdentity: identities.assumedRole('Admin', 'alice'),
          userAgent: 'aws-cli/2.17.0 Python/3.12.4 Linux/6.1 exe/x86_64',
        },
      ],
    },
    { name: 'failed call from a function', events: [failed(createAccessKey)] },
    {
      name: 'a function reading IAM',
      events: [
        cloudTrailEvent({
          eventSource: 'iam.amazonaws.com',
          eventName: 'GetRole',
          readOnly: true,
          userIdentity: fromFunction,
          userAgent: LAMBDA_UA,
          requestParameters: { roleName: 'thumbnailer-role' },
        }),
      ],
    },
  ],
};
