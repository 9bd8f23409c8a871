import { asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/** The key's ARN from the response when logged, else the id or ARN the caller passed. */
function keyOf(event: CloudTrailEvent): string {
  return (
    asString(getPath(event.responseElements, 'keyId'))?.trim() ||
    asString(getPath(event.requestParameters, 'keyId'))?.trim() ||
    'an unnamed key'
  );
}

/** Key material from outside AWS imported into a KMS key: whoever holds the material controls the data. */
export const kmsKeyMaterialImported: Detector = {
  id: 'kms-key-material-imported',
  title: 'KMS key material imported',
  severity: 'medium',
  description:
    'ImportKeyMaterial succeeded. With imported (BYOK) material, KMS keeps no copy it can ' +
    'restore: whoever supplied it can make every ciphertext unreadable by deleting it ' +
    '(DeleteImportedKeyMaterial) or letting it expire, and only they can bring it back. ' +
    'Ransomware crews create a key with origin EXTERNAL, import material they hold, ' +
    're-encrypt data under it, then delete the material and ask for payment. High when the ' +
    'material is set to expire (expirationModel KEY_MATERIAL_EXPIRES): it vanishes on its ' +
    'own at validTo. Benign causes: BYOK programmes, planned rotation of imported material.',
  attack: ['T1486'],
  references: [
    'https://docs.aws.amazon.com/kms/latest/APIReference/API_ImportKeyMaterial.html',
    'https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys.html',
  ],
  runbook: 'kms-key-loss',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'kms.amazonaws.com', eventNames: ['ImportKeyMaterial'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const key = keyOf(event);
    const model = asString(getPath(event.requestParameters, 'expirationModel'))?.toUpperCase();
    const expires = model === 'KEY_MATERIAL_EXPIRES';
    const validTo = asString(getPath(event.requestParameters, 'validTo'));
    const expiry = expires ? `, expiring ${validTo ?? 'at a set time'}` : '';
    return {
      summary: `${principalOf(event)} imported key material into KMS key ${key}${expiry}`,
      severity: expires ? 'high' : 'medium',
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|ImportKeyMaterial|${key}`,
      resources: [key],
    };
  },
};
