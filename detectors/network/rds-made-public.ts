import { getPath, isTrue } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import type { Detector } from '../types.js';

/** A database was created, restored or modified with a public endpoint. */
export const rdsMadePublic: Detector = {
  id: 'rds-made-public',
  title: 'RDS database made publicly accessible',
  severity: 'high',
  description:
    'An RDS instance or cluster was created, restored or modified with PubliclyAccessible ' +
    'true: its endpoint now resolves to a public address, and only its security group stands ' +
    'between the database and the internet. Attackers restore a snapshot as a public ' +
    'instance to read the data from outside. Calls that leave the flag unset are not ' +
    'judged (the default depends on the subnet group). Benign causes: development databases ' +
    'reached from home networks, vendor tools that need direct access.',
  attack: ['T1190', 'T1537'],
  references: [
    'RDS.2',
    'https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBInstance.html',
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html',
  ],
  runbook: 'network-exposure',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'rds.amazonaws.com',
      eventNames: [
        'ModifyDBInstance',
        'ModifyDBCluster',
        'CreateDBInstance',
        'CreateDBCluster',
        'CreateDBInstanceReadReplica',
        'RestoreDBInstanceFromDBSnapshot',
        'RestoreDBInstanceToPointInTime',
        'RestoreDBInstanceFromS3',
        'RestoreDBClusterFromSnapshot',
        'RestoreDBClusterToPointInTime',
      ],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    if (!isTrue(getPath(event.requestParameters, 'publiclyAccessible'))) return undefined;
    const db =
      requestField(
        event,
        'dBInstanceIdentifier',
        'dBClusterIdentifier',
        'targetDBInstanceIdentifier',
      ) ?? 'unknown database';
    const source = requestField(event, 'dBSnapshotIdentifier', 'snapshotIdentifier');
    const from = source ? ` from snapshot ${source}` : '';
    return {
      summary: `${principalOf(event)} made database ${db} publicly accessible (${event.eventName}${from})`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${db}`,
      resources: [db],
    };
  },
};
