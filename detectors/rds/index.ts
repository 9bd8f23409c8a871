export { rdsActivityStreamStopped } from './rds-activity-stream-stopped.js';
export { rdsBackupRetentionDisabled } from './rds-backup-retention-disabled.js';
export { rdsClusterDeleted } from './rds-cluster-deleted.js';
export { rdsIamRoleAdded } from './rds-iam-role-added.js';
export { rdsInstanceDeleted } from './rds-instance-deleted.js';
export { rdsMasterPasswordChanged } from './rds-master-password-changed.js';
export { rdsSnapshotCopiedOutside } from './rds-snapshot-copied-outside.js';
export { rdsSnapshotsMassDeleted } from './rds-snapshots-mass-deleted.js';
