import { getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector } from '../types.js';

/** `backupRetentionPeriod` as a number, also when a producer logs it as a string. */
function retentionDays(request: unknown): number | undefined {
  const raw = getPath(request, 'backupRetentionPeriod');
  const days = typeof raw === 'string' && /^\s*\d{1,4}\s*$/.test(raw) ? Number(raw) : raw;
  return typeof days === 'number' && Number.isFinite(days) ? days : undefined;
}

/** Automated backups of an RDS instance turned off: point-in-time recovery and its backups go. */
export const rdsBackupRetentionDisabled: Detector = {
  id: 'rds-backup-retention-disabled',
  title: 'RDS automated backups disabled',
  severity: 'medium',
  description:
    'ModifyDBInstance set backupRetentionPeriod to 0. RDS stops taking automated backups, ' +
    'deletes the existing ones and loses point-in-time recovery: a quiet step before ' +
    'deleting or corrupting the database. Other modifications do not alert. Benign causes: ' +
    'bulk data loads on non-production instances, read replicas of engines that need no ' +
    'backups, cost reduction in test accounts.',
  attack: ['T1490'],
  references: [
    'RDS.11',
    'https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBInstance.html',
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html',
  ],
  runbook: 's3-data-destruction',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'rds.amazonaws.com', eventNames: ['ModifyDBInstance'] }],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    if (retentionDays(event.requestParameters) !== 0) return undefined;
    const instance = requestField(event, 'dBInstanceIdentifier') ?? 'unknown instance';
    return {
      summary: `${principalOf(event)} turned off automated backups of DB instance ${instance}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|BackupRetention|${instance}`,
      resources: [instance],
    };
  },
};
