import { asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector } from '../types.js';

/** Automatic AWS Backup of an EFS file system turned off. */
export const efsBackupDisabled: Detector = {
  id: 'efs-backup-disabled',
  title: 'EFS automatic backups disabled',
  severity: 'medium',
  description:
    'PutBackupPolicy set the backup policy status of an EFS file system to DISABLED: the ' +
    'daily AWS Backup of the file system stops, so the next deletion or encryption of its ' +
    'files has no recent copy to restore. Benign causes: moving the file system to an ' +
    'explicit AWS Backup plan, scratch file systems that need no backup.',
  attack: ['T1490'],
  references: [
    'EFS.2',
    'https://docs.aws.amazon.com/efs/latest/ug/API_PutBackupPolicy.html',
    'https://docs.aws.amazon.com/efs/latest/ug/awsbackup.html',
  ],
  runbook: 's3-data-destruction',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'elasticfilesystem.amazonaws.com', eventNames: ['PutBackupPolicy'] }],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const status = asString(getPath(event.requestParameters, 'backupPolicy', 'status'));
    if (!status || !/^disabl/i.test(status.trim())) return undefined;
    const fileSystem = requestField(event, 'fileSystemId') ?? 'unknown file system';
    return {
      summary: `${principalOf(event)} turned off automatic backups of EFS file system ${fileSystem}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|EfsBackup|${fileSystem}`,
      resources: [fileSystem],
    };
  },
};
