import { ACCOUNT, cloudTrailEvent, failed } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/${KEY_ID}`;

const deleteMaterial = cloudTrailEvent({
  eventSource: 'kms.amazonaws.com',
  eventName: 'DeleteImportedKeyMaterial',
  requestParameters: { keyId: KEY_ID },
  resources: [{ accountId: ACCOUNT, type: 'AWS::KMS::Key', ARN: KEY_ARN }],
});

export const examples: DetectorExamples = {
  fire: [{ name: 'imported key material deleted', events: [deleteMaterial] }],
  noFire: [
    {
      name: 'failed deletion',
      events: [failed(deleteMaterial, 'KMSInvalidStateException', 'Key is pending deletion')],
    },
    {
      name: 'key material imported',
      events: [
        cloudTrailEvent({
          eventSource: 'kms.amazonaws.com',
          eventName: 'ImportKeyMaterial',
          requestParameters: { keyId: KEY_ID, expirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' },
          resources: [{ accountId: ACCOUNT, type: 'AWS::KMS::Key', ARN: KEY_ARN }],
        }),
      ],
    },
  ],
};
