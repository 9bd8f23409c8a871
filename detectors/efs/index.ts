export { efsBackupDisabled } from './efs-backup-disabled.js';
export { efsFileSystemDeleted } from './efs-file-system-deleted.js';
export { efsFileSystemPolicyOpened } from './efs-file-system-policy-opened.js';
