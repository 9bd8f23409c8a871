import type { Ctx } from '../context.js';
import { pickIn } from '../context.js';
import type { Rng } from '../prng.js';
import type { Actor, JsonObject, Resource } from '../record.js';
import { awsDisplayDate, datePath, HOUR } from '../time.js';
import type { Role } from '../world.js';

/** Building blocks several services' templates share. */

export function kmsKeyArn(ctx: Ctx, keyId = pickIn(ctx, ctx.account.keys)): string {
  return `arn:aws:kms:${ctx.region}:${ctx.account.id}:key/${keyId}`;
}

export function kmsResource(ctx: Ctx, arn = kmsKeyArn(ctx)): Resource {
  return { accountId: ctx.account.id, type: 'AWS::KMS::Key', ARN: arn };
}

export function roleResource(accountId: string, role: Role): Resource {
  return { accountId, type: 'AWS::IAM::Role', ARN: role.arn };
}

/** An object key shaped like what the bucket holds. */
export function objectKey(ctx: Ctx, bucket: string): string {
  const rng = ctx.rng;
  const day = datePath(ctx.time);
  if (bucket.includes('data-lake')) {
    return `raw/orders/${day.replaceAll('/', '/dt=')}/part-${String(rng.int(0, 199)).padStart(5, '0')}-${rng.uuid()}.c000.snappy.parquet`;
  }
  if (bucket.includes('backups')) return `rds/orders-db/${day}/orders-db-${rng.digits(10)}.sql.gz`;
  if (bucket.includes('static-site')) return `static/js/main.${rng.hex(8)}.chunk.js`;
  if (bucket.includes('exports')) return `exports/reports/daily-${day.replaceAll('/', '-')}.csv`;
  return `uploads/${rng.uuid()}/${rng.pick(['avatar.png', 'invoice.pdf', 'photo.jpg', 'document.docx'])}`;
}

/** Temporary credentials as STS responses carry them in CloudTrail. */
export function credentials(rng: Rng, time: number, hours = 1): JsonObject {
  return {
    accessKeyId: `ASIA${rng.upper(16)}`,
    sessionToken: `IQoJb3JpZ2luX2VjE${rng.base64(rng.int(220, 560))}`,
    expiration: awsDisplayDate(time + hours * HOUR),
  };
}

/** S3 data events wrap the SDK's user agent in brackets. */
export function bracketed(actor: Actor): Actor {
  if (actor.identity.type === 'AWSService') return actor;
  return { ...actor, userAgent: `[${actor.userAgent}]` };
}

/** S3's `x-amz-id-2` request id. */
export function amzId2(rng: Rng): string {
  return `${rng.base64(76)}=`;
}

/** The `additionalEventData` S3 writes for every call. */
export function s3Additional(
  ctx: Ctx,
  bytesIn: number,
  bytesOut: number,
  extra: JsonObject = {},
): JsonObject {
  return {
    SignatureVersion: 'SigV4',
    CipherSuite: 'TLS_AES_128_GCM_SHA256',
    bytesTransferredIn: bytesIn,
    ...extra,
    AuthenticationMethod: 'AuthHeader',
    'x-amz-id-2': amzId2(ctx.rng),
    bytesTransferredOut: bytesOut,
  };
}

export function bucketHost(bucket: string, region: string): string {
  return `${bucket}.s3.${region}.amazonaws.com`;
}

export function bucketResource(ctx: Ctx, bucket: string): Resource {
  return { accountId: ctx.account.id, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucket}` };
}

/** S3 request ids are 16 upper-case characters, not UUIDs. */
export function s3RequestId(rng: Rng): string {
  return rng.upper(16);
}
