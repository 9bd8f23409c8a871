import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const enable = cloudTrailEvent({
  eventSource: 'ec2.amazonaws.com',
  eventName: 'EnableSerialConsoleAccess',
  userIdentity: identities.assumedRole('Admin', 'mallory'),
  requestParameters: { EnableSerialConsoleAccessRequest: '' },
  responseElements: {
    EnableSerialConsoleAccessResponse: {
      xmlns: 'http://ec2.amazonaws.com/doc/2016-11-15/',
      requestId: '1a2b3c4d-5e6f-7a8b-9c0d-EXAMPLE',
      serialConsoleAccessEnabled: true,
    },
  },
});

const serialKey = cloudTrailEvent({
  eventSource: 'ec2-instance-connect.amazonaws.com',
  eventName: 'SendSerialConsoleSSHPublicKey',
  userIdentity: identities.assumedRole('Admin', 'mallory'),
  requestParameters: {
    instanceId: 'i-0aaa1111bbbb22220',
    serialPort: 0,
    sSHPublicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEXAMPLEKEY mallory',
  },
  responseElements: null,
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'serial console access enabled', events: [enable] },
    { name: 'serial console key pushed to an instance', events: [serialKey] },
    { name: 'enabling refused by policy: an attempt', events: [failed(enable)] },
    {
      name: 'serial key push refused: an attempt',
      events: [failed(serialKey, 'AccessDeniedException')],
    },
  ],
  noFire: [
    {
      name: 'enabling refused for an unsupported account state',
      events: [failed(enable, 'Client.UnsupportedOperation')],
    },
    {
      name: 'serial console access disabled',
      events: [{ ...enable, eventName: 'DisableSerialConsoleAccess' }],
    },
    {
      name: 'key push to a missing instance',
      events: [failed(serialKey, 'EC2InstanceNotFoundException')],
    },
  ],
};
