import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

/** SendSSHPublicKey as EC2 Instance Connect logs it. */
const pushKey = (instanceId: string) =>
  cloudTrailEvent({
    eventSource: 'ec2-instance-connect.amazonaws.com',
    eventName: 'SendSSHPublicKey',
    userIdentity: identities.assumedRole('Developer', 'mallory'),
    requestParameters: {
      instanceId,
      instanceOSUser: 'ec2-user',
      sSHPublicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEXAMPLEKEY mallory',
    },
    responseElements: null,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'pushes to two instances refused: an attempt',
      events: [
        failed(pushKey('i-0aaa1111bbbb22220'), 'AccessDeniedException'),
        failed(pushKey('i-0aaa1111bbbb22221'), 'AccessDeniedException'),
      ],
    },
    {
      name: 'keys pushed to two instances',
      events: [pushKey('i-0aaa1111bbbb22220'), pushKey('i-0aaa1111bbbb22221')],
    },
  ],
  noFire: [
    {
      name: 'repeated pushes to one instance',
      events: [pushKey('i-0aaa1111bbbb22220'), pushKey('i-0aaa1111bbbb22220')],
    },
    {
      name: 'pushes to instances that are not running',
      events: [
        failed(pushKey('i-0aaa1111bbbb22220'), 'EC2InstanceStateInvalidException'),
        failed(pushKey('i-0aaa1111bbbb22221'), 'EC2InstanceStateInvalidException'),
      ],
    },
    {
      name: 'no instance in the request',
      events: [
        { ...pushKey('x'), requestParameters: null },
        { ...pushKey('y'), requestParameters: { instanceId: 42 } },
      ],
    },
  ],
};
