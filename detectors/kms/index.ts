export { kmsKeyDisabledOrDeleted } from './kms-key-disabled-or-deleted.js';
