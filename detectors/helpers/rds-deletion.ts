import type { CloudTrailEvent, Severity } from '../types.js';
import { getPath, isFalse, isTrue } from './fields.js';
import { deepField, requestField } from './request-values.js';

/**
 * What survives an RDS DeleteDBInstance or DeleteDBCluster (also Aurora, Neptune
 * and DocumentDB, which log under rds.amazonaws.com): a final snapshot unless
 * `skipFinalSnapshot` is true, and the automated backups only when
 * `deleteAutomatedBackups` is false, because AWS removes them by default.
 */
export interface DeletionRemains {
  /** The final snapshot's name, when one was requested. */
  readonly finalSnapshot?: string;
  readonly skippedFinalSnapshot: boolean;
  readonly automatedBackupsKept: boolean;
}

export function deletionRemains(event: CloudTrailEvent): DeletionRemains {
  const request = event.requestParameters;
  const skipped = isTrue(getPath(request, 'skipFinalSnapshot'));
  const finalSnapshot = skipped
    ? undefined
    : requestField(event, 'finalDBSnapshotIdentifier', 'finalSnapshotIdentifier');
  return {
    ...(finalSnapshot ? { finalSnapshot } : {}),
    skippedFinalSnapshot: skipped,
    automatedBackupsKept: isFalse(getPath(request, 'deleteAutomatedBackups')),
  };
}

/** Nothing kept is the ransom or wipe pattern; a final snapshot makes it a decommission. */
export function deletionSeverity(remains: DeletionRemains): Severity {
  if (remains.finalSnapshot) return 'low';
  if (remains.skippedFinalSnapshot && !remains.automatedBackupsKept) return 'high';
  return 'medium';
}

/** What was kept, in words for the summary. */
export function describeRemains(remains: DeletionRemains): string {
  const snapshot = remains.finalSnapshot
    ? `final snapshot ${remains.finalSnapshot}`
    : remains.skippedFinalSnapshot
      ? 'no final snapshot'
      : 'no final snapshot named';
  const backups = remains.automatedBackupsKept
    ? 'automated backups kept'
    : 'automated backups deleted';
  return `${snapshot}, ${backups}`;
}

/** The Aurora (or Neptune, DocumentDB) cluster a deleted instance belonged to, when the response names it. */
export function clusterOfInstance(event: CloudTrailEvent): string | undefined {
  return deepField(event.responseElements, ['dBClusterIdentifier'], 2);
}
