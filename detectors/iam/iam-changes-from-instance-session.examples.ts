import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** An instance profile's session: EC2 names it after the instance and marks IMDS delivery. */
const instanceRole = (session = 'i-0598c7d356eba48d7') => {
  const base = identities.assumedRole('web-server-role', session, 'false');
  return {
    ...base,
    sessionContext: { ...base.sessionContext, ec2RoleDelivery: '2.0' },
  };
};

export const createUserFromInstance = (overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'iam.amazonaws.com',
    eventName: 'CreateUser',
    userIdentity: instanceRole(),
    sourceIPAddress: '198.51.100.77',
    userAgent: 'aws-cli/2.17.0 Python/3.12.4 Darwin/23.5.0 exe/x86_64',
    requestParameters: { userName: 'backup-svc' },
    responseElements: {
      user: {
        path: '/',
        userName: 'backup-svc',
        userId: 'AIDAEXAMPLEBACKUP',
        arn: 'arn:aws:iam::111122223333:user/backup-svc',
        createDate: 'Nov 20, 2026 10:00:00 AM',
      },
    },
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'instance credentials create a user', events: [createUserFromInstance()] },
    {
      name: 'instance id in upper case, no delivery marker',
      events: [
        createUserFromInstance({
          eventName: 'AttachRolePolicy',
          userIdentity: identities.assumedRole('web-server-role', 'I-0598C7D356EBA48D7', 'false'),
          requestParameters: {
            roleName: 'web-server-role',
            policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
          },
          responseElements: null,
        }),
      ],
    },
    {
      name: 'renamed session, but CloudTrail says IMDS delivered it',
      events: [createUserFromInstance({ userIdentity: instanceRole('build') })],
    },
    {
      name: 'refused attempt to mint a key',
      events: [
        failed(
          createUserFromInstance({
            eventName: 'CreateAccessKey',
            requestParameters: { userName: 'admin' },
            responseElements: null,
          }),
        ),
      ],
    },
  ],
  noFire: [
    {
      name: 'the same call from a person’s role session',
      events: [createUserFromInstance({ userIdentity: identities.assumedRole('Admin', 'alice') })],
    },
    {
      name: 'an instance reading IAM',
      events: [
        createUserFromInstance({ eventName: 'GetUser', readOnly: true, responseElements: null }),
      ],
    },
    {
      name: 'user name taken',
      events: [failed(createUserFromInstance(), 'EntityAlreadyExists')],
    },
    {
      name: 'session named like an instance but not an id (i-am-admin)',
      events: [
        createUserFromInstance({ userIdentity: identities.assumedRole('Admin', 'i-am-admin') }),
      ],
    },
  ],
};
