import { grantPermits, type OutsideGrant } from '../semantics/index.js';

/**
 * S3 actions that change or destroy data or take over the bucket. A grant that
 * allows any of them (by name, through a wildcard such as `s3:Put*`, or by a
 * NotAction that leaves them in) lets its outsider write.
 */
const S3_WRITE_ACTIONS = [
  's3:PutObject',
  's3:PutObjectAcl',
  's3:DeleteObject',
  's3:DeleteObjectVersion',
  's3:PutBucketPolicy',
  's3:PutBucketAcl',
  's3:DeleteBucket',
  's3:DeleteBucketPolicy',
  's3:PutLifecycleConfiguration',
  's3:PutBucketVersioning',
  's3:PutEncryptionConfiguration',
] as const;

const S3_READ_ACTIONS = ['s3:GetObject', 's3:GetObjectVersion'] as const;

/** True when the grant lets its outsider write, delete or re-permission S3 data. */
export function allowsS3Write(grant: OutsideGrant): boolean {
  return S3_WRITE_ACTIONS.some((action) => grantPermits(grant, action));
}

/** True when the grant lets its outsider read objects. */
export function allowsS3Read(grant: OutsideGrant): boolean {
  return S3_READ_ACTIONS.some((action) => grantPermits(grant, action));
}
