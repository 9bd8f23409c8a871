import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const getPasswordData = (instanceId: string): CloudTrailEvent =>
  cloudTrailEvent({
    eventSource: 'ec2.amazonaws.com',
    eventName: 'GetPasswordData',
    readOnly: true,
    userIdentity: identities.assumedRole('ops', 'i-0ffee'),
    requestParameters: { instanceId },
  });

const instances = (n: number) =>
  Array.from({ length: n }, (_, i) => `i-0${(0xa1b2c3d4e5 + i).toString(16)}0`);

export const examples: DetectorExamples = {
  fire: [
    { name: '12 instances swept', events: instances(12).map(getPasswordData) },
    {
      name: '12 instances tried without permission',
      events: instances(12).map((id) =>
        failed(
          getPasswordData(id),
          'Client.UnauthorizedOperation',
          'You are not authorized to perform this operation.',
        ),
      ),
    },
  ],
  noFire: [
    {
      name: 'the CLI waiter polling one new instance 40 times',
      events: Array.from({ length: 40 }, () => getPasswordData('i-0a1b2c3d4e5f60718')),
    },
    { name: 'three instances', events: instances(3).map(getPasswordData) },
  ],
};
