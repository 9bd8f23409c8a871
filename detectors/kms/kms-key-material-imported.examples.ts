import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const KEY_ID = 'mrk-0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/${KEY_ID}`;

/** ImportKeyMaterial as CloudTrail logs it: the wrapped material and token are not logged. */
export const importKeyMaterial = (
  request: Record<string, unknown>,
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'kms.amazonaws.com',
    eventName: 'ImportKeyMaterial',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: { keyId: KEY_ID, ...request },
    responseElements: { keyId: KEY_ARN },
    resources: [{ accountId: ACCOUNT, type: 'AWS::KMS::Key', ARN: KEY_ARN }],
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'material that expires in a week (high)',
      events: [
        importKeyMaterial({
          expirationModel: 'KEY_MATERIAL_EXPIRES',
          validTo: 'Nov 27, 2026, 10:00:00 AM',
        }),
      ],
    },
    {
      name: 'material that does not expire (medium)',
      events: [importKeyMaterial({ expirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' })],
    },
  ],
  noFire: [
    {
      name: 'the import token expired',
      events: [
        failed(
          importKeyMaterial({ expirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }),
          'ExpiredImportTokenException',
        ),
      ],
    },
    {
      name: 'GetParametersForImport only prepares an import',
      events: [
        importKeyMaterial(
          { wrappingAlgorithm: 'RSAES_OAEP_SHA_256', wrappingKeySpec: 'RSA_4096' },
          { eventName: 'GetParametersForImport' },
        ),
      ],
    },
  ],
};
