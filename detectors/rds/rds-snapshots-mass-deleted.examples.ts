import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** DeleteDBSnapshot of a manual snapshot; RDS returns the snapshot, status deleted. */
export const deleteDbSnapshot = (name: string, overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'rds.amazonaws.com',
    eventName: 'DeleteDBSnapshot',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: { dBSnapshotIdentifier: name },
    responseElements: {
      dBSnapshotIdentifier: name,
      dBInstanceIdentifier: 'orders-db',
      snapshotType: 'manual',
      status: 'deleted',
      dBSnapshotArn: `arn:aws:rds:us-east-1:${ACCOUNT}:snapshot:${name}`,
    },
    ...overrides,
  });

const deleteClusterSnapshot = (name: string) =>
  cloudTrailEvent({
    eventSource: 'rds.amazonaws.com',
    eventName: 'DeleteDBClusterSnapshot',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: { dBClusterSnapshotIdentifier: name },
    responseElements: {
      dBClusterSnapshotIdentifier: name,
      dBClusterIdentifier: 'orders-aurora',
      snapshotType: 'manual',
      status: 'available',
      dBClusterSnapshotArn: `arn:aws:rds:us-east-1:${ACCOUNT}:cluster-snapshot:${name}`,
    },
  });

const names = (n: number) => Array.from({ length: n }, (_, i) => `orders-db-2026-11-${10 + i}`);

export const examples: DetectorExamples = {
  fire: [
    { name: 'five DB snapshots deleted', events: names(5).map((n) => deleteDbSnapshot(n)) },
    {
      name: 'three DB and two cluster snapshots',
      events: [
        ...names(3).map((n) => deleteDbSnapshot(n)),
        deleteClusterSnapshot('orders-aurora-pre-upgrade'),
        deleteClusterSnapshot('orders-aurora-2026-10'),
      ],
    },
  ],
  noFire: [
    { name: 'four snapshots', events: names(4).map((n) => deleteDbSnapshot(n)) },
    {
      name: 'the same snapshot deleted again and again',
      events: Array.from({ length: 6 }, () => deleteDbSnapshot('orders-db-2026-11-10')),
    },
    {
      name: 'AWS Backup expires the snapshots it made',
      events: names(6).map((n) =>
        deleteDbSnapshot(`awsbackup-job-${n}`, {
          userIdentity: {
            ...identities.assumedRole(
              'AWSBackupDefaultServiceRole',
              'AWSBackup-AWSBackupDefaultServiceRole',
            ),
            invokedBy: 'backup.amazonaws.com',
          },
        }),
      ),
    },
    {
      name: 'denied deletions',
      events: names(6).map((n) => failed(deleteDbSnapshot(n), 'AccessDenied')),
    },
  ],
};
