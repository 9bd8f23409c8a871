import { asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { deletionRemains, deletionSeverity, describeRemains } from '../helpers/rds-deletion.js';
import { requestField } from '../helpers/request-values.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector } from '../types.js';

/** An Aurora, Neptune, DocumentDB or Multi-AZ DB cluster was deleted with its storage. */
export const rdsClusterDeleted: Detector = {
  id: 'rds-cluster-deleted',
  title: 'RDS DB cluster deleted',
  severity: 'medium',
  description:
    'DeleteDBCluster succeeded: the cluster volume and every instance still in it are gone. ' +
    'High when skipFinalSnapshot is true and the automated backups are deleted with it ' +
    '(deleteAutomatedBackups true, or absent: the default), leaving only manual snapshots; ' +
    'medium when backups are kept or no final snapshot is named; low when a final snapshot ' +
    'is taken. Calls by AWS services through service-linked roles are ignored. Benign ' +
    'causes: decommissioning, test clusters torn down by pipelines.',
  attack: ['T1485', 'T1490'],
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DeleteDBCluster.html',
    'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_DeleteCluster.html',
  ],
  runbook: 's3-data-destruction',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'rds.amazonaws.com', eventNames: ['DeleteDBCluster'] }],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const cluster = requestField(event, 'dBClusterIdentifier') ?? 'unknown cluster';
    const arn = asString(getPath(event.responseElements, 'dBClusterArn'));
    const remains = deletionRemains(event);
    return {
      summary: `${principalOf(event)} deleted DB cluster ${cluster} (${describeRemains(remains)})`,
      severity: deletionSeverity(remains),
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|DeleteDBCluster`,
      resources: [arn ?? cluster],
    };
  },
};
