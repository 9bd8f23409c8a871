import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const modify = (requestParameters: Record<string, unknown>) =>
  cloudTrailEvent({
    eventSource: 'ec2.amazonaws.com',
    eventName: 'ModifyInstanceAttribute',
    userIdentity: identities.assumedRole('Developer', 'mallory'),
    requestParameters,
    responseElements: { requestId: '59a79277-2b02-4ae0-a39f-d39c8ab508e0', _return: true },
  });

const userData = modify({
  instanceId: 'i-0aaa1111bbbb22220',
  userData: '<sensitiveDataRemoved>',
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'user data replaced', events: [userData] },
    {
      name: 'user data named as the attribute',
      events: [
        modify({
          instanceId: 'i-0aaa1111bbbb22220',
          attribute: 'userData',
          value: '<sensitiveDataRemoved>',
        }),
      ],
    },
  ],
  noFire: [
    {
      name: 'failed change (instance still running)',
      events: [failed(userData, 'IncorrectInstanceState')],
    },
    {
      name: 'instance type changed',
      events: [modify({ instanceId: 'i-0aaa1111bbbb22220', instanceType: { value: 't3.large' } })],
    },
    {
      name: 'termination protection changed',
      events: [
        modify({
          instanceId: 'i-0aaa1111bbbb22220',
          attribute: 'disableApiTermination',
          value: '<sensitiveDataRemoved>',
        }),
      ],
    },
    {
      name: 'user data read, not changed',
      events: [
        {
          ...modify({ instanceId: 'i-0aaa1111bbbb22220', attribute: 'userData' }),
          eventName: 'DescribeInstanceAttribute',
        },
      ],
    },
  ],
};
