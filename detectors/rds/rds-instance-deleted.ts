import { asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import {
  clusterOfInstance,
  deletionRemains,
  deletionSeverity,
  describeRemains,
} from '../helpers/rds-deletion.js';
import { requestField } from '../helpers/request-values.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector } from '../types.js';

/** An RDS DB instance was deleted; how bad depends on what copies were kept. */
export const rdsInstanceDeleted: Detector = {
  id: 'rds-instance-deleted',
  title: 'RDS DB instance deleted',
  severity: 'medium',
  description:
    'DeleteDBInstance succeeded. High when skipFinalSnapshot is true and the automated ' +
    'backups go with the instance (deleteAutomatedBackups true, or absent: AWS deletes them ' +
    'by default), which leaves only manual snapshots, if any: the shape of a wipe or a ransom ' +
    'of a database. Medium when the automated backups are kept or no final snapshot is ' +
    'named; low when a final snapshot is taken, or when the instance belonged to an Aurora, ' +
    'Neptune or DocumentDB cluster (the data lives in the cluster). Calls by AWS services ' +
    'through service-linked roles are ignored. Benign causes: decommissioning, test and ' +
    'review environments torn down by pipelines.',
  attack: ['T1485', 'T1490'],
  references: [
    'RDS.8',
    'https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DeleteDBInstance.html',
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html',
  ],
  runbook: 's3-data-destruction',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'rds.amazonaws.com', eventNames: ['DeleteDBInstance'] }],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const instance = requestField(event, 'dBInstanceIdentifier') ?? 'unknown instance';
    const arn = asString(getPath(event.responseElements, 'dBInstanceArn'));
    const cluster = clusterOfInstance(event);
    const remains = deletionRemains(event);
    const kept = cluster ? `its data stays in cluster ${cluster}` : describeRemains(remains);
    return {
      summary: `${principalOf(event)} deleted DB instance ${instance} (${kept})`,
      severity: cluster ? 'low' : deletionSeverity(remains),
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|DeleteDBInstance`,
      resources: [arn ?? instance],
    };
  },
};
