export { kmsImportedKeyMaterialDeleted } from './kms-imported-key-material-deleted.js';
export { kmsKeyDisabledOrDeleted } from './kms-key-disabled-or-deleted.js';
export { kmsKeyPolicyOpened } from './kms-key-policy-opened.js';
