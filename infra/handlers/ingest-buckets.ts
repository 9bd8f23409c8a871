import { HandlerConfigError } from './errors.js';

/** The variable the stack sets on the ingest function: the buckets it reads, each with its owner. */
export const INGEST_BUCKETS_VARIABLE = 'TRAILWATCH_INGEST_BUCKETS';

/** A bucket whose notifications the ingest function acts on, and the account that must own it. */
export interface IngestBucket {
  readonly bucket: string;
  /** Sent as GetObject's ExpectedBucketOwner: S3 refuses the read if another account owns the bucket. */
  readonly owner: string;
}

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const ACCOUNT_ID = /^\d{12}$/;

/**
 * Reads {@link INGEST_BUCKETS_VARIABLE}: `<bucket>:<owner account>` pairs, comma-separated
 * (compact: all of a function's variables share 4 KB), the trail bucket and the
 * access-log bucket (infra/lib/detector-functions.ts). An S3 notification naming any
 * other bucket is refused before anything is read, and every GetObject names the
 * bucket's owner. Undefined when the variable is unset (a handler built outside the
 * stack): nothing is checked then, and `warnings` says so.
 *
 * @throws HandlerConfigError when the variable is set but is not such a list.
 */
export function readIngestBuckets(
  env: NodeJS.ProcessEnv,
  warnings: string[],
): ReadonlyMap<string, string> | undefined {
  const raw = env[INGEST_BUCKETS_VARIABLE];
  if (raw === undefined || raw.trim() === '') {
    warnings.push(
      `${INGEST_BUCKETS_VARIABLE} is not set: S3 notifications are not checked against the ` +
        'buckets trailwatch reads, and GetObject names no expected bucket owner',
    );
    return undefined;
  }
  const buckets = new Map<string, string>();
  for (const entry of raw.split(',')) {
    const [bucket = '', owner = '', ...rest] = entry.trim().split(':');
    if (!BUCKET_NAME.test(bucket) || !ACCOUNT_ID.test(owner) || rest.length > 0) {
      throw new HandlerConfigError(
        `${INGEST_BUCKETS_VARIABLE}: ${JSON.stringify(entry.slice(0, 100))} is not ` +
          '<bucket name>:<12-digit account id>',
      );
    }
    if (buckets.has(bucket) && buckets.get(bucket) !== owner) {
      throw new HandlerConfigError(
        `${INGEST_BUCKETS_VARIABLE}: bucket ${bucket} is listed with two different owners`,
      );
    }
    buckets.set(bucket, owner);
  }
  return buckets;
}

/** The variable's value for `buckets` (names and owners may be deploy-time tokens). */
export function formatIngestBuckets(buckets: readonly IngestBucket[]): string {
  return buckets.map(({ bucket, owner }) => `${bucket}:${owner}`).join(',');
}
