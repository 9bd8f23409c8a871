import { baseEventName } from '../helpers/event-name.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { invokedByAnyOf, isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector } from '../types.js';

/** AWS Backup expires the RDS snapshots it made, with the customer's role. */
const BACKUP_SERVICE = new Set(['backup.amazonaws.com']);

/** Many RDS snapshots deleted by one principal within an hour: recovery being removed. */
export const rdsSnapshotsMassDeleted: Detector = {
  id: 'rds-snapshots-mass-deleted',
  title: 'Many RDS snapshots deleted',
  severity: 'high',
  description:
    'One principal deleted 5 or more different manual RDS DB or cluster snapshots within an ' +
    'hour. Automated snapshots expire without API calls, so manual snapshots are what ' +
    'outlive the retention window; deleting them in bulk precedes deleting or ransoming the ' +
    'databases (recovery-points-deleted reports each deletion at medium). Deletions by AWS ' +
    'Backup (retention) and by service-linked roles are ignored. Benign causes: a ' +
    'snapshot clean-up script, a custom retention job, decommissioning an application.',
  attack: ['T1490', 'T1485'],
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DeleteDBSnapshot.html',
    'https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DeleteDBClusterSnapshot.html',
  ],
  runbook: 's3-data-destruction',
  dedupWindowSeconds: 3600,
  threshold: { count: 5, windowSeconds: 3600, distinct: true },
  listensTo: [
    {
      eventSource: 'rds.amazonaws.com',
      eventNames: ['DeleteDBSnapshot', 'DeleteDBClusterSnapshot'],
    },
  ],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    if (invokedByAnyOf(event, BACKUP_SERVICE)) return undefined;
    const cluster = baseEventName(event.eventName) === 'DeleteDBClusterSnapshot';
    const snapshot =
      requestField(event, cluster ? 'dBClusterSnapshotIdentifier' : 'dBSnapshotIdentifier') ??
      'unknown snapshot';
    return {
      summary: `${principalOf(event)} is deleting RDS snapshots (latest ${snapshot})`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|DeleteDBSnapshot`,
      distinctValue: `${cluster ? 'cluster' : 'db'}:${snapshot}`,
      resources: [snapshot],
    };
  },
};
