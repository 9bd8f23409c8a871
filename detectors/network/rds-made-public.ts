import { baseEventName } from '../helpers/event-name.js';
import { getPath, isTrue } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/**
 * Where the flag that made the database public was read: the request, or, for a
 * creation or restore whose request left it unset, the new database the response
 * describes (the default then comes from the subnet group). A modification's
 * response shows the database as it already was, so it is never read.
 */
function publicFrom(event: CloudTrailEvent): 'request' | 'response' | undefined {
  if (isTrue(getPath(event.requestParameters, 'publiclyAccessible'))) return 'request';
  if (baseEventName(event.eventName).startsWith('Modify')) return undefined;
  const created =
    getPath(event.responseElements, 'publiclyAccessible') ??
    getPath(event.responseElements, 'dBInstance', 'publiclyAccessible');
  return isTrue(created) ? 'response' : undefined;
}

/** A database was created, restored or modified with a public endpoint. */
export const rdsMadePublic: Detector = {
  id: 'rds-made-public',
  title: 'RDS database made publicly accessible',
  severity: 'high',
  description:
    'An RDS instance or cluster was created, restored or modified with PubliclyAccessible ' +
    'true: its endpoint now resolves to a public address, and only its security group stands ' +
    'between the database and the internet. Attackers restore a snapshot as a public ' +
    'instance to read the data from outside. A creation or restore that leaves the flag ' +
    'unset is judged by the database the response describes (the default depends on the ' +
    'subnet group); a modification only by its request, since its response shows the ' +
    'database as it already was. Benign causes: development databases ' +
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
    const source = publicFrom(event);
    if (!source) return undefined;
    const db =
      requestField(
        event,
        'dBInstanceIdentifier',
        'dBClusterIdentifier',
        'targetDBInstanceIdentifier',
      ) ?? 'unknown database';
    const snapshot = requestField(event, 'dBSnapshotIdentifier', 'snapshotIdentifier');
    const from = snapshot ? ` from snapshot ${snapshot}` : '';
    const read = source === 'response' ? ', according to the response' : '';
    return {
      summary: `${principalOf(event)} made database ${db} publicly accessible (${event.eventName}${from}${read})`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${db}`,
      resources: [db],
    };
  },
};
