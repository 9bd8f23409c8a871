import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const disable = cloudTrailEvent({
  eventSource: 'ec2.amazonaws.com',
  eventName: 'DisableEbsEncryptionByDefault',
  awsRegion: 'eu-west-1',
  userIdentity: identities.assumedRole('Admin', 'mallory'),
  requestParameters: { DisableEbsEncryptionByDefaultRequest: '' },
  responseElements: {
    DisableEbsEncryptionByDefaultResponse: {
      xmlns: 'http://ec2.amazonaws.com/doc/2016-11-15/',
      ebsEncryptionByDefault: false,
      requestId: 'e1',
    },
  },
});

export const examples: DetectorExamples = {
  fire: [{ name: 'default EBS encryption is disabled', events: [disable] }],
  noFire: [
    { name: 'a denied call', events: [failed(disable, 'Client.UnauthorizedOperation')] },
    {
      name: 'a dry run',
      events: [failed(disable, 'Client.DryRunOperation', 'Request would have succeeded')],
    },
    {
      name: 'default encryption is enabled',
      events: [{ ...disable, eventName: 'EnableEbsEncryptionByDefault' }],
    },
    {
      name: 'the setting is read',
      events: [{ ...disable, eventName: 'GetEbsEncryptionByDefault', readOnly: true }],
    },
  ],
};
