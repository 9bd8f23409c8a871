import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** IAM logs policy documents as the JSON text the caller sent, whitespace included. */
export const FULL_ADMIN_DOC =
  '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n' +
  '      "Action": ["*"],\n      "Resource": ["*"]\n    }\n  ]\n}';

/** PutUserPolicy putting FULL_ADMIN_DOC inline on bob. */
export const putUserPolicy = (overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'iam.amazonaws.com',
    eventName: 'PutUserPolicy',
    requestParameters: { userName: 'bob', policyName: 'ops', policyDocument: FULL_ADMIN_DOC },
    ...overrides,
  });

const withDocument = (statement: unknown) =>
  putUserPolicy({
    requestParameters: {
      userName: 'bob',
      policyName: 'ops',
      policyDocument: JSON.stringify({ Version: '2012-10-17', Statement: statement }),
    },
  });

/** PutRolePolicy whose single Statement is an object allowing * on *. */
export const adminRolePolicy = () =>
  putUserPolicy({
    eventName: 'PutRolePolicy',
    userIdentity: identities.assumedRole('ci-deployer', 'build-1'),
    requestParameters: {
      roleName: 'lambda-exec',
      policyName: 'boost',
      policyDocument:
        '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}',
    },
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'inline user policy allowing * on *', events: [putUserPolicy()] },
    {
      name: 'role policy with a single statement object',
      events: [adminRolePolicy()],
    },
    {
      name: 'new default policy version allowing everything',
      events: [
        putUserPolicy({
          eventName: 'CreatePolicyVersion',
          requestParameters: {
            policyArn: 'arn:aws:iam::111122223333:policy/ops',
            policyDocument: FULL_ADMIN_DOC,
            setAsDefault: true,
          },
        }),
      ],
    },
    {
      name: 'evasion: NotAction of one harmless action on every resource',
      events: [
        withDocument({
          Effect: 'Allow',
          NotAction: 'iam:DeleteAccountPasswordPolicy',
          Resource: '*',
        }),
      ],
    },
    {
      name: 'evasion: Action * on arn:aws:*:*:*:* or with NotResource',
      events: [
        withDocument([{ Effect: 'Allow', Action: '*', Resource: 'arn:aws:*:*:*:*' }]),
        withDocument({ Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::payroll/*' }),
      ],
    },
  ],
  noFire: [
    {
      name: 'PowerUserAccess-style NotAction that leaves IAM out',
      events: [
        withDocument({
          Effect: 'Allow',
          NotAction: ['iam:*', 'organizations:*', 'account:*'],
          Resource: '*',
        }),
      ],
    },
    {
      name: 'read-only actions on every resource',
      events: [withDocument([{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' }])],
    },
    {
      name: 'every action on one bucket',
      events: [
        withDocument({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::team-bucket/*' }),
      ],
    },
    {
      name: 'deny of everything',
      events: [withDocument([{ Sid: 'DenyAll', Effect: 'Deny', Action: ['*'], Resource: ['*'] }])],
    },
    { name: 'rejected as malformed', events: [failed(putUserPolicy(), 'MalformedPolicyDocument')] },
  ],
};
