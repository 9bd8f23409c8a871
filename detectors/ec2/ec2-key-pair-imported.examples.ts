import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const importKey = cloudTrailEvent({
  eventSource: 'ec2.amazonaws.com',
  eventName: 'ImportKeyPair',
  userIdentity: identities.iamUser('leaked-key-user'),
  requestParameters: { keyName: 'backup-access', publicKeyMaterial: '<sensitiveDataRemoved>' },
  responseElements: {
    requestId: '7f4c1d2e-3a4b-5c6d-7e8f-EXAMPLE',
    keyName: 'backup-access',
    keyFingerprint: '1f:51:ae:28:bf:89:e9:d8:1f:25:5d:37:2d:7d:b8:ca:9f:f5:f1:6f',
    keyPairId: 'key-0123456789abcdef0',
  },
});

export const examples: DetectorExamples = {
  fire: [{ name: 'SSH public key imported', events: [importKey] }],
  noFire: [
    { name: 'failed import', events: [failed(importKey, 'InvalidKeyPair.Duplicate')] },
    {
      name: 'key pair created by AWS (private key returned to the caller)',
      events: [{ ...importKey, eventName: 'CreateKeyPair' }],
    },
  ],
};
