import { asString, getPath } from '../helpers/fields.js';
import { accountOf, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** Imported key material deleted: the key is unusable until the same material is imported again. */
export const kmsImportedKeyMaterialDeleted: Detector = {
  id: 'kms-imported-key-material-deleted',
  title: 'KMS imported key material deleted',
  severity: 'high',
  description:
    'DeleteImportedKeyMaterial succeeded. The key goes to PendingImport at once and every ' +
    'ciphertext under it is unreadable until the identical material is imported again; if ' +
    'no copy was kept outside AWS, the data is gone, with no waiting period as for key ' +
    'deletion. A destruction and ransom lever. Benign causes: planned rotation of imported ' +
    'material (an ImportKeyMaterial follows), retiring a BYOK key.',
  attack: ['T1485', 'T1486'],
  references: [
    'https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteImportedKeyMaterial.html',
    'https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys-delete-key-material.html',
  ],
  runbook: 'kms-key-loss',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'kms.amazonaws.com', eventNames: ['DeleteImportedKeyMaterial'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const key = asString(getPath(event.requestParameters, 'keyId'))?.trim() || 'an unnamed key';
    return {
      summary: `${principalOf(event)} deleted the imported key material of KMS key ${key}`,
      dedupKey: `${accountOf(event)}|kms|${key}`,
      resources: [key],
    };
  },
};
