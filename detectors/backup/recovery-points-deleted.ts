import { baseEventName } from '../helpers/event-name.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { invokedByAnyOf, isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector, Severity } from '../types.js';

const BACKUP = 'backup.amazonaws.com';
const RDS = 'rds.amazonaws.com';

interface Loss {
  readonly source: string;
  readonly what: string;
  /** Request fields naming what was lost, tried in order. */
  readonly keys: readonly string[];
  readonly severity: Severity;
}

const LOSSES: ReadonlyMap<string, Loss> = new Map<string, Loss>([
  [
    'DeleteRecoveryPoint',
    {
      source: BACKUP,
      what: 'deleted recovery point',
      keys: ['recoveryPointArn'],
      severity: 'high',
    },
  ],
  [
    'DeleteBackupVault',
    { source: BACKUP, what: 'deleted backup vault', keys: ['backupVaultName'], severity: 'high' },
  ],
  [
    'DeleteBackupVaultLockConfiguration',
    {
      source: BACKUP,
      what: 'removed the vault lock of',
      keys: ['backupVaultName'],
      severity: 'high',
    },
  ],
  [
    'DeleteBackupPlan',
    { source: BACKUP, what: 'deleted backup plan', keys: ['backupPlanId'], severity: 'medium' },
  ],
  [
    'DeleteDBSnapshot',
    {
      source: RDS,
      what: 'deleted DB snapshot',
      keys: ['dBSnapshotIdentifier'],
      severity: 'medium',
    },
  ],
  [
    'DeleteDBClusterSnapshot',
    {
      source: RDS,
      what: 'deleted DB cluster snapshot',
      keys: ['dBClusterSnapshotIdentifier'],
      severity: 'medium',
    },
  ],
  [
    'DeleteDBInstanceAutomatedBackup',
    {
      source: RDS,
      what: 'deleted retained automated backups of',
      keys: ['dbiResourceId', 'dBInstanceAutomatedBackupsArn'],
      severity: 'high',
    },
  ],
  [
    'DeleteDBClusterAutomatedBackup',
    {
      source: RDS,
      what: 'deleted retained automated backups of',
      keys: ['dbClusterResourceId'],
      severity: 'high',
    },
  ],
]);

/** AWS Backup deletes expired recovery points, and the RDS snapshots it made, with the customer's role. */
const BACKUP_SERVICE = new Set([BACKUP]);

function namesFrom(source: string): string[] {
  return [...LOSSES].filter(([, loss]) => loss.source === source).map(([name]) => name);
}

/** Backups were destroyed: AWS Backup recovery points, vaults, vault locks, plans, RDS snapshots. */
export const recoveryPointsDeleted: Detector = {
  id: 'recovery-points-deleted',
  title: 'Backups or recovery points deleted',
  severity: 'high',
  description:
    'An AWS Backup recovery point or vault was deleted or a vault lock removed (high); a ' +
    'backup plan, or a manual RDS DB or cluster snapshot, was deleted (medium); the ' +
    'automated backups RDS retains after an instance is gone were deleted (high: often the ' +
    'last copy). Ransomware operators and destructive insiders remove recovery before ' +
    'striking. Deletions AWS Backup performs itself (retention) and calls through ' +
    'service-linked roles are ignored. Benign causes: clean-up of old manual snapshots, ' +
    'decommissioning, reworking backup plans.',
  attack: ['T1490', 'T1485'],
  references: [
    'https://docs.aws.amazon.com/aws-backup/latest/devguide/API_DeleteRecoveryPoint.html',
    'https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html',
    'https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DeleteDBInstanceAutomatedBackup.html',
  ],
  runbook: 's3-data-destruction',
  dedupWindowSeconds: 3600,
  listensTo: [
    { eventSource: BACKUP, eventNames: namesFrom(BACKUP) },
    { eventSource: RDS, eventNames: namesFrom(RDS) },
  ],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    if (invokedByAnyOf(event, BACKUP_SERVICE)) return undefined;
    const api = baseEventName(event.eventName);
    const loss = LOSSES.get(api);
    if (!loss || loss.source !== event.eventSource) return undefined;
    const target = requestField(event, ...loss.keys) ?? 'an unnamed resource';
    const vault =
      api === 'DeleteRecoveryPoint' ? requestField(event, 'backupVaultName') : undefined;
    return {
      summary: `${principalOf(event)} ${loss.what} ${target}${vault ? ` in vault ${vault}` : ''}`,
      severity: loss.severity,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${api}`,
      resources: [target],
    };
  },
};
