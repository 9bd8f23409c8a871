import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

/** PutBackupPolicy with the status given; EFS answers with the policy in effect. */
export const putBackupPolicy = (status: string) =>
  cloudTrailEvent({
    eventSource: 'elasticfilesystem.amazonaws.com',
    eventName: 'PutBackupPolicy',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: { fileSystemId: 'fs-0123456789abcdef0', backupPolicy: { status } },
    responseElements: {
      backupPolicy: { status: status === 'DISABLED' ? 'DISABLING' : 'ENABLING' },
    },
  });

export const examples: DetectorExamples = {
  fire: [{ name: 'automatic backups turned off', events: [putBackupPolicy('DISABLED')] }],
  noFire: [
    { name: 'automatic backups turned on', events: [putBackupPolicy('ENABLED')] },
    {
      name: 'the file system does not exist',
      events: [failed(putBackupPolicy('DISABLED'), 'FileSystemNotFound')],
    },
  ],
};
