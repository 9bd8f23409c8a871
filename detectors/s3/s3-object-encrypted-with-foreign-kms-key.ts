import { asArray, asString, getPath } from '../helpers/fields.js';
import { accountFromArn, accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { bucketArn, bucketOf, objectKeyOf } from '../helpers/s3-target.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/**
 * Where an SSE-KMS key can appear: the request header (CloudTrail keeps its
 * name), the SDK's parameter name, and the response header S3 echoes back. The
 * copy-source headers name the key of the object read, not the one written.
 */
const KEY_FIELDS = ['x-amz-server-side-encryption-aws-kms-key-id', 'SSEKMSKeyId'];

function kmsKeysOf(event: CloudTrailEvent): string[] {
  const keys: string[] = [];
  for (const body of [event.requestParameters, event.responseElements]) {
    for (const field of KEY_FIELDS) {
      const key = asString(getPath(body, field))?.trim();
      if (key) keys.push(key);
    }
  }
  return keys;
}

/** The bucket owner: CloudTrail names it on the bucket resource; else the account the event was logged for. */
function bucketAccountOf(event: CloudTrailEvent): string {
  for (const resource of asArray(event.resources)) {
    if (asString(getPath(resource, 'type')) !== 'AWS::S3::Bucket') continue;
    const owner = asString(getPath(resource, 'accountId'));
    if (owner && /^\d{12}$/.test(owner)) return owner;
  }
  return accountOf(event);
}

/** Objects written under a KMS key another account controls: that account decides who can read them. */
export const s3ObjectEncryptedWithForeignKmsKey: Detector = {
  id: 's3-object-encrypted-with-foreign-kms-key',
  title: "S3 object encrypted with another account's KMS key",
  severity: 'high',
  description:
    'PutObject, CopyObject or CreateMultipartUpload succeeded with SSE-KMS under a key whose ' +
    'ARN names an account other than the bucket owner and not listed in trustedAccounts ' +
    '(the key in the request header or SDK field, or the one S3 reports in the response). ' +
    'Whoever owns the key decides who can decrypt: ransomware crews copy objects over ' +
    'themselves under a key in their own account, then revoke access or schedule the key ' +
    "for deletion. A key named by id or alias alone is the caller's own account and is not " +
    'foreign. Benign causes: a central KMS account of the organisation not yet listed in ' +
    'trustedAccounts, a partner delivering files under its own key.',
  attack: ['T1486'],
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html',
    'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html',
  ],
  runbook: 's3-data-destruction',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 's3.amazonaws.com',
      eventNames: ['PutObject', 'CopyObject', 'CreateMultipartUpload'],
    },
  ],
  match(event, ctx) {
    if (!succeeded(event)) return undefined;
    const owner = bucketAccountOf(event);
    const foreign = kmsKeysOf(event).find((key) => {
      const keyAccount = accountFromArn(key);
      return (
        keyAccount !== undefined &&
        keyAccount !== owner &&
        !ctx.settings.trustedAccounts.includes(keyAccount)
      );
    });
    if (!foreign) return undefined;
    const keyAccount = accountFromArn(foreign) ?? 'unknown';
    const bucket = bucketOf(event) ?? 'unknown bucket';
    const object = objectKeyOf(event) ?? 'an object';
    return {
      summary: `${principalOf(event)} wrote ${object} in bucket ${bucket} under KMS key ${foreign} of account ${keyAccount}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|foreign-kms|${bucket}|${keyAccount}`,
      resources: [bucketArn(event, bucket), foreign],
    };
  },
};
