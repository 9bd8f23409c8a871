import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** DeleteDBInstance with the request flags given, and the instance RDS returns (status deleting). */
export const deleteDbInstance = (
  request: Record<string, unknown>,
  instance = 'orders-db',
  response: Record<string, unknown> = {},
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'rds.amazonaws.com',
    eventName: 'DeleteDBInstance',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: { dBInstanceIdentifier: instance, ...request },
    responseElements: {
      dBInstanceIdentifier: instance,
      dBInstanceClass: 'db.r6g.large',
      engine: 'postgres',
      dBInstanceStatus: 'deleting',
      dBInstanceArn: `arn:aws:rds:us-east-1:${ACCOUNT}:db:${instance}`,
      dbiResourceId: 'db-ABCDEFGHIJKLMNOPQRSTUVWXY2',
      backupRetentionPeriod: 7,
      deletionProtection: false,
      ...response,
    },
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'no final snapshot, automated backups deleted (high)',
      events: [deleteDbInstance({ skipFinalSnapshot: true, deleteAutomatedBackups: true })],
    },
    {
      name: 'no final snapshot, deleteAutomatedBackups left to its default (high)',
      events: [deleteDbInstance({ skipFinalSnapshot: true })],
    },
    {
      name: 'no final snapshot, automated backups kept (medium)',
      events: [deleteDbInstance({ skipFinalSnapshot: true, deleteAutomatedBackups: false })],
    },
    {
      name: 'final snapshot taken (low)',
      events: [
        deleteDbInstance({
          skipFinalSnapshot: false,
          finalDBSnapshotIdentifier: 'orders-db-final-2026-11-20',
        }),
      ],
    },
    {
      name: 'an Aurora reader instance (low: the cluster keeps the data)',
      events: [
        deleteDbInstance({ skipFinalSnapshot: true }, 'orders-aurora-reader-1', {
          engine: 'aurora-postgresql',
          dBClusterIdentifier: 'orders-aurora',
        }),
      ],
    },
  ],
  noFire: [
    {
      name: 'deletion protection is on',
      events: [
        failed(
          deleteDbInstance({ skipFinalSnapshot: true }),
          'InvalidParameterCombination',
          'Cannot delete protected DB Instance, please disable deletion protection and try again.',
        ),
      ],
    },
    {
      name: 'a denied deletion',
      events: [failed(deleteDbInstance({ skipFinalSnapshot: true }), 'AccessDenied')],
    },
  ],
};
