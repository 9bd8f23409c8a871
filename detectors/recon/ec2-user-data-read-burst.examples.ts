import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const readAttribute = (instanceId: string, attribute = 'userData') =>
  cloudTrailEvent({
    eventSource: 'ec2.amazonaws.com',
    eventName: 'DescribeInstanceAttribute',
    readOnly: true,
    userIdentity: identities.iamUser('leaked-key-user'),
    requestParameters: { instanceId, attribute },
    responseElements: null,
  });

const instances = Array.from({ length: 10 }, (_, n) => `i-0aaa1111bbbb2222${n}`);

export const examples: DetectorExamples = {
  fire: [
    { name: 'user data of ten instances read', events: instances.map((i) => readAttribute(i)) },
    {
      name: 'reads of ten instances refused: an attempt',
      events: instances.map((i) => failed(readAttribute(i), 'Client.UnauthorizedOperation')),
    },
  ],
  noFire: [
    {
      name: 'one instance read ten times',
      events: instances.map(() => readAttribute('i-0aaa1111bbbb22220')),
    },
    {
      name: 'another attribute of ten instances',
      events: instances.map((i) => readAttribute(i, 'instanceType')),
    },
    {
      name: 'reads of instances that do not exist',
      events: instances.map((i) => failed(readAttribute(i), 'Client.InvalidInstanceID.NotFound')),
    },
  ],
};
