import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const deleteRecoveryPoint = cloudTrailEvent({
  eventSource: 'backup.amazonaws.com',
  eventName: 'DeleteRecoveryPoint',
  userIdentity: identities.assumedRole('Admin', 'mallory'),
  requestParameters: {
    backupVaultName: 'prod-vault',
    recoveryPointArn: 'arn:aws:ec2:us-east-1::snapshot/snap-0123456789abcdef0',
  },
  responseElements: null,
});

const removeLock = cloudTrailEvent({
  eventSource: 'backup.amazonaws.com',
  eventName: 'DeleteBackupVaultLockConfiguration',
  requestParameters: { backupVaultName: 'prod-vault' },
});

const deleteAutomated = cloudTrailEvent({
  eventSource: 'rds.amazonaws.com',
  eventName: 'DeleteDBInstanceAutomatedBackup',
  requestParameters: { dbiResourceId: 'db-123ABCEXAMPLE' },
  responseElements: {
    dBInstanceIdentifier: 'orders-prod',
    dbiResourceId: 'db-123ABCEXAMPLE',
    status: 'deleting',
  },
});

const deleteManualSnapshot = cloudTrailEvent({
  eventSource: 'rds.amazonaws.com',
  eventName: 'DeleteDBSnapshot',
  requestParameters: { dBSnapshotIdentifier: 'orders-before-migration' },
});

/** AWS Backup expiring a recovery point under its retention rule. */
const retention = {
  ...deleteRecoveryPoint,
  userIdentity: {
    ...identities.assumedRole(
      'AWSBackupDefaultServiceRole',
      'AWSBackup-AWSBackupDefaultServiceRole',
    ),
    invokedBy: 'backup.amazonaws.com',
  },
  sourceIPAddress: 'backup.amazonaws.com',
  userAgent: 'backup.amazonaws.com',
};

export const examples: DetectorExamples = {
  fire: [
    { name: 'a recovery point is deleted', events: [deleteRecoveryPoint] },
    { name: 'a vault lock is removed', events: [removeLock] },
    { name: 'retained RDS automated backups are deleted', events: [deleteAutomated] },
    { name: 'a manual RDS snapshot is deleted (medium)', events: [deleteManualSnapshot] },
  ],
  noFire: [
    { name: 'AWS Backup expires a recovery point', events: [retention] },
    {
      name: 'a vault lock refuses the deletion',
      events: [failed(deleteRecoveryPoint, 'InvalidRequestException', 'vault is locked')],
    },
    {
      name: 'AWS Backup expires an RDS snapshot it made',
      events: [
        {
          ...retention,
          eventSource: 'rds.amazonaws.com',
          eventName: 'DeleteDBSnapshot',
          requestParameters: {
            dBSnapshotIdentifier: 'awsbackup:job-0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e',
          },
        },
      ],
    },
    {
      name: 'a backup plan is created',
      events: [
        { ...removeLock, eventName: 'CreateBackupPlan', requestParameters: { backupPlan: {} } },
      ],
    },
  ],
};
