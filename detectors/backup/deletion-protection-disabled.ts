import { baseEventName } from '../helpers/event-name.js';
import { getPath, isFalse } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import type { Detector } from '../types.js';

/** Deletion protection was turned off on an RDS database or a DynamoDB table. */
export const deletionProtectionDisabled: Detector = {
  id: 'deletion-protection-disabled',
  title: 'Deletion protection disabled',
  severity: 'medium',
  description:
    'ModifyDBInstance or ModifyDBCluster set deletionProtection false, or DynamoDB ' +
    'UpdateTable set deletionProtectionEnabled false. Deletion protection is the last guard ' +
    'against a destructive delete; turning it off is the step before one. Calls that do not ' +
    'touch the flag do not alert. Benign causes: planned decommissioning, test environments.',
  attack: ['T1485', 'T1490'],
  references: [
    'RDS.7',
    'RDS.8',
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeletionProtection',
    'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection',
  ],
  runbook: 's3-data-destruction',
  dedupWindowSeconds: 3600,
  listensTo: [
    { eventSource: 'rds.amazonaws.com', eventNames: ['ModifyDBInstance', 'ModifyDBCluster'] },
    { eventSource: 'dynamodb.amazonaws.com', eventNames: ['UpdateTable'] },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    const dynamo = baseEventName(event.eventName) === 'UpdateTable';
    const flag = dynamo ? 'deletionProtectionEnabled' : 'deletionProtection';
    if (!isFalse(getPath(event.requestParameters, flag))) return undefined;
    const target =
      requestField(event, 'dBInstanceIdentifier', 'dBClusterIdentifier', 'tableName') ??
      'unknown resource';
    const kind = dynamo ? 'table' : 'database';
    return {
      summary: `${principalOf(event)} turned off deletion protection on ${kind} ${target}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${target}`,
      resources: [target],
    };
  },
};
