import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const EVERYTHING = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
});

/** An IAM call by `userIdentity` on the entity the request names. */
export const iamCall = (
  eventName: string,
  requestParameters: Record<string, unknown>,
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'iam.amazonaws.com',
    eventName,
    userIdentity: identities.iamUser('dev-intern'),
    requestParameters,
    responseElements: null,
    ...overrides,
  });

const reportingRole = identities.assumedRole('reporting-task', 'i-0abc1234def567890', 'false');

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'a user writes itself an allow-everything inline policy',
      events: [
        iamCall('PutUserPolicy', {
          userName: 'dev-intern',
          policyName: 'x',
          policyDocument: EVERYTHING,
        }),
      ],
    },
    {
      name: 'a user adds itself to a group, name cased differently',
      events: [iamCall('AddUserToGroup', { userName: 'Dev-Intern', groupName: 'Developers' })],
    },
    {
      name: 'a role session attaches AdministratorAccess to its own role',
      events: [
        iamCall(
          'AttachRolePolicy',
          { roleName: 'reporting-task', policyArn: ADMIN },
          { userIdentity: reportingRole },
        ),
      ],
    },
    {
      name: 'refused attempt to attach to itself',
      events: [failed(iamCall('AttachUserPolicy', { userName: 'dev-intern', policyArn: ADMIN }))],
    },
  ],
  noFire: [
    {
      name: 'an administrator attaches a policy to another user',
      events: [iamCall('AttachUserPolicy', { userName: 'bob', policyArn: ADMIN })],
    },
    {
      name: 'a role session changes another role',
      events: [
        iamCall(
          'PutRolePolicy',
          { roleName: 'orders-api', policyName: 'x', policyDocument: EVERYTHING },
          { userIdentity: reportingRole },
        ),
      ],
    },
    {
      name: 'a user detaches a policy from itself',
      events: [iamCall('DetachUserPolicy', { userName: 'dev-intern', policyArn: ADMIN })],
    },
    {
      name: 'policy does not exist',
      events: [
        failed(
          iamCall('AttachUserPolicy', { userName: 'dev-intern', policyArn: ADMIN }),
          'NoSuchEntity',
        ),
      ],
    },
  ],
};
