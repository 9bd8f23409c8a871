import { describe, expect, it } from 'vitest';
import { kmsKeyPolicyOpened } from '../../../detectors/kms/kms-key-policy-opened.js';
import { detect } from '../../helpers/detect.js';
import { ACCOUNT, cloudTrailEvent, OTHER_ACCOUNT } from '../../helpers/events.js';

const policyWith = (statement: Record<string, unknown>) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Resource: '*', ...statement }],
  });

describe('Detector: kms-key-policy-opened', () => {
  it('judges CreateKey policies against the account in the returned key ARN', () => {
    const arn = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/mrk-1234abcd12ab34cd56ef1234567890ab`;
    const event = cloudTrailEvent({
      eventSource: 'kms.amazonaws.com',
      eventName: 'CreateKey',
      requestParameters: {
        keyUsage: 'ENCRYPT_DECRYPT',
        keySpec: 'SYMMETRIC_DEFAULT',
        policy: policyWith({ Principal: { AWS: OTHER_ACCOUNT }, Action: 'kms:*' }),
      },
      responseElements: { keyMetadata: { keyId: 'mrk-1234', arn, aWSAccountId: ACCOUNT } },
    });

    const finding = detect(kmsKeyPolicyOpened, event)[0];

    expect(finding?.severity).toBe('high');
    expect(finding?.resources).toEqual([arn]);
  });

  it('is critical when `*` is allowed with only a non-restricting condition', () => {
    const event = cloudTrailEvent({
      eventSource: 'kms.amazonaws.com',
      eventName: 'PutKeyPolicy',
      requestParameters: {
        keyId: 'k',
        policy: policyWith({
          Principal: { AWS: '*' },
          Action: 'kms:Decrypt',
          Condition: { Bool: { 'aws:SecureTransport': 'true' } },
        }),
      },
    });

    expect(detect(kmsKeyPolicyOpened, event)[0]?.severity).toBe('critical');
  });

  it('ignores CreateKey without a policy (the default applies)', () => {
    const event = cloudTrailEvent({
      eventSource: 'kms.amazonaws.com',
      eventName: 'CreateKey',
      requestParameters: { keyUsage: 'ENCRYPT_DECRYPT', description: 'app key' },
    });

    expect(detect(kmsKeyPolicyOpened, event)).toEqual([]);
  });
});
