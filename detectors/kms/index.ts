export { kmsGrantToOutsideAccount } from './kms-grant-to-outside-account.js';
export { kmsImportedKeyMaterialDeleted } from './kms-imported-key-material-deleted.js';
export { kmsKeyDisabledOrDeleted } from './kms-key-disabled-or-deleted.js';
export { kmsKeyMaterialImported } from './kms-key-material-imported.js';
export { kmsKeyPolicyOpened } from './kms-key-policy-opened.js';
