import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** UploadSSHPublicKey: the user and the key body in, the key's id and fingerprint out. */
export const uploadSshKey = (userName: string, overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'iam.amazonaws.com',
    eventName: 'UploadSSHPublicKey',
    userIdentity: identities.iamUser('mallory'),
    requestParameters: {
      userName,
      sSHPublicKeyBody: 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCvEXAMPLEKEY mallory@laptop',
    },
    responseElements: {
      sSHPublicKey: {
        userName,
        sSHPublicKeyId: 'APKAEIBAERJR2EXAMPLE',
        fingerprint: '7a:c4:b5:6d:2f:9e:EXAMPLE',
        status: 'Active',
        uploadDate: 'Nov 20, 2026 10:00:00 AM',
      },
    },
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'mallory adds her key to the release engineer (medium)',
      events: [uploadSshKey('release-eng')],
    },
    { name: 'a user adds its own key (low)', events: [uploadSshKey('mallory')] },
    { name: 'refused attempt', events: [failed(uploadSshKey('release-eng'))] },
  ],
  noFire: [
    {
      name: 'key already registered',
      events: [failed(uploadSshKey('mallory'), 'DuplicateSSHPublicKey')],
    },
    {
      name: 'not a valid key',
      events: [failed(uploadSshKey('mallory'), 'UnrecognizedPublicKeyEncoding')],
    },
  ],
};
