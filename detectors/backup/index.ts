export { dataExportStarted } from './data-export-started.js';
export { deletionProtectionDisabled } from './deletion-protection-disabled.js';
export { rdsSnapshotShared } from './rds-snapshot-shared.js';
export { recoveryPointsDeleted } from './recovery-points-deleted.js';
