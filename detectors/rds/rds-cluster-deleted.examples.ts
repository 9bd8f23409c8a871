import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** DeleteDBCluster with the request flags given, and the cluster RDS returns. */
export const deleteDbCluster = (
  request: Record<string, unknown>,
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'rds.amazonaws.com',
    eventName: 'DeleteDBCluster',
    userIdentity: identities.iamUser('mallory'),
    requestParameters: { dBClusterIdentifier: 'orders-aurora', ...request },
    responseElements: {
      dBClusterIdentifier: 'orders-aurora',
      dBClusterArn: `arn:aws:rds:us-east-1:${ACCOUNT}:cluster:orders-aurora`,
      engine: 'aurora-postgresql',
      status: 'deleting',
      backupRetentionPeriod: 7,
      deletionProtection: false,
    },
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'no final snapshot, automated backups deleted by default (high)',
      events: [deleteDbCluster({ skipFinalSnapshot: true })],
    },
    {
      name: 'a DocumentDB cluster, flags as strings (high)',
      events: [
        deleteDbCluster({
          dBClusterIdentifier: 'catalog-docdb',
          skipFinalSnapshot: 'true',
          deleteAutomatedBackups: 'True',
        }),
      ],
    },
    {
      name: 'final snapshot taken (low)',
      events: [deleteDbCluster({ finalDBSnapshotIdentifier: 'orders-aurora-final' })],
    },
  ],
  noFire: [
    {
      name: 'the cluster still has instances',
      events: [
        failed(
          deleteDbCluster({ skipFinalSnapshot: true }),
          'InvalidDBClusterStateFault',
          'Cluster cannot be deleted, it still contains DB instances in non-deleting state.',
        ),
      ],
    },
    {
      name: 'DeleteDBClusterEndpoint is not a cluster deletion',
      events: [
        deleteDbCluster(
          { dBClusterEndpointIdentifier: 'reporting' },
          {
            eventName: 'DeleteDBClusterEndpoint',
          },
        ),
      ],
    },
  ],
};
