import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const allowed = { allowedRegions: ['eu-west-1', 'eu-central-1'] };

const writeCall = (overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'ec2.amazonaws.com',
    eventName: 'CreateSecurityGroup',
    awsRegion: 'ap-south-2',
    readOnly: false,
    userIdentity: identities.iamUser('leaked-key-user'),
    requestParameters: { groupName: 'default-sg', groupDescription: 'sg' },
    responseElements: { _return: true, groupId: 'sg-0123456789abcdef0' },
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'security group created in an unused region',
      events: [writeCall()],
      settings: allowed,
    },
    {
      name: 'Lambda function created in an unused region',
      events: [
        writeCall({
          eventSource: 'lambda.amazonaws.com',
          eventName: 'CreateFunction20150331',
          awsRegion: 'sa-east-1',
          requestParameters: { functionName: 'updater' },
        }),
      ],
      settings: allowed,
    },
  ],
  noFire: [
    { name: 'no allowed regions configured', events: [writeCall()] },
    {
      name: 'write in an allowed region',
      events: [writeCall({ awsRegion: 'eu-west-1' })],
      settings: allowed,
    },
    {
      name: 'read-only call in an unused region',
      events: [writeCall({ eventName: 'DescribeInstances', readOnly: true })],
      settings: allowed,
    },
    {
      name: 'IAM is global and logged in us-east-1',
      events: [
        writeCall({
          eventSource: 'iam.amazonaws.com',
          eventName: 'CreateUser',
          awsRegion: 'us-east-1',
        }),
      ],
      settings: allowed,
    },
    { name: 'failed write', events: [failed(writeCall())], settings: allowed },
    {
      name: 'AWS service acting in the region',
      events: [writeCall({ userIdentity: identities.awsService('config.amazonaws.com') })],
      settings: allowed,
    },
  ],
};
