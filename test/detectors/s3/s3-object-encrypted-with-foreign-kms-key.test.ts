import { describe, expect, it } from 'vitest';
import { copyOverItself } from '../../../detectors/s3/s3-object-encrypted-with-foreign-kms-key.examples.js';
import { s3ObjectEncryptedWithForeignKmsKey } from '../../../detectors/s3/s3-object-encrypted-with-foreign-kms-key.js';
import { detect } from '../../helpers/detect.js';
import { ACCOUNT, identities, OTHER_ACCOUNT } from '../../helpers/events.js';

const keyIn = (account: string) =>
  `arn:aws:kms:us-east-1:${account}:key/9d2f6c1e-7a4b-4e2d-9c3a-1b2c3d4e5f60`;
const header = (key: string) => ({ 'x-amz-server-side-encryption-aws-kms-key-id': key });

describe('Detector: s3-object-encrypted-with-foreign-kms-key', () => {
  it('judges the key against the bucket owner, not the account that logged the call', () => {
    // A writer from another account, logged in its own account, using its own key on our bucket.
    const event = copyOverItself(header(keyIn(OTHER_ACCOUNT)), null, {
      recipientAccountId: OTHER_ACCOUNT,
      userIdentity: identities.awsAccount(OTHER_ACCOUNT),
    });

    const [finding] = detect(s3ObjectEncryptedWithForeignKmsKey, event);

    expect(finding?.summary).toContain(`of account ${OTHER_ACCOUNT}`);
  });

  it('stays quiet when the key belongs to the bucket owner named on the bucket resource', () => {
    const event = copyOverItself(header(keyIn(ACCOUNT)), null, {
      recipientAccountId: OTHER_ACCOUNT,
    });

    expect(detect(s3ObjectEncryptedWithForeignKmsKey, event)).toEqual([]);
  });

  it('groups by principal, bucket and key account, not by object', () => {
    const a = detect(
      s3ObjectEncryptedWithForeignKmsKey,
      copyOverItself(header(keyIn(OTHER_ACCOUNT)), null),
    )[0];
    const b = detect(
      s3ObjectEncryptedWithForeignKmsKey,
      copyOverItself(header(keyIn(OTHER_ACCOUNT)), null, { eventName: 'PutObject' }),
    )[0];

    expect(a?.dedupKey).toBe(b?.dedupKey);
  });
});
