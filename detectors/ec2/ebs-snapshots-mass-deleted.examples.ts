import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

function deleteSnapshot(n: number, overrides: Partial<CloudTrailEvent> = {}) {
  return cloudTrailEvent({
    eventSource: 'ec2.amazonaws.com',
    eventName: 'DeleteSnapshot',
    eventTime: `2026-11-20T10:${String(n).padStart(2, '0')}:00Z`,
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: { snapshotId: `snap-0000000000000${String(n).padStart(4, '0')}` },
    responseElements: { requestId: `d${n}`, _return: true },
    ...overrides,
  });
}

const twelve = (overrides: Partial<CloudTrailEvent> = {}) =>
  Array.from({ length: 12 }, (_, i) => deleteSnapshot(i, overrides));

/** AWS Backup expiring recovery points with its default service role. */
const backupRole = {
  ...identities.assumedRole('AWSBackupDefaultServiceRole', 'AWSBackup-AWSBackupDefaultServiceRole'),
  invokedBy: 'backup.amazonaws.com',
};

export const examples: DetectorExamples = {
  fire: [{ name: 'twelve snapshots deleted by one role within the hour', events: twelve() }],
  noFire: [
    { name: 'a single snapshot deleted', events: [deleteSnapshot(1)] },
    {
      name: 'nine different snapshots deleted in the hour',
      events: Array.from({ length: 9 }, (_, i) => deleteSnapshot(i)),
    },
    {
      name: 'AWS Backup expiring twelve recovery points',
      events: twelve({ userIdentity: backupRole }),
    },
    {
      name: 'twelve denied deletions',
      events: twelve().map((e) => failed(e, 'Client.UnauthorizedOperation')),
    },
  ],
};
