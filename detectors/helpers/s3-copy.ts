import type { CloudTrailEvent } from '../types.js';
import { asArray, asString, getPath } from './fields.js';
import { accountFromArn } from './identity.js';

/**
 * The two ends of an S3 server-side copy (CopyObject, UploadPartCopy): the
 * destination is the request's `bucketName`; the source is the
 * `x-amz-copy-source` header, `bucket/key` (URL-encoded, maybe with a leading
 * slash and `?versionId=`) or an access point ARN
 * (`arn:aws:s3:<region>:<account>:accesspoint/<name>/object/<key>`). Bucket owners
 * come from the record's `resources[]` (`AWS::S3::Bucket` entries carry `accountId`).
 */
export interface CopyEnds {
  readonly destinationBucket: string;
  readonly destinationOwner: string | undefined;
  readonly source: string | undefined;
  readonly sourceOwner: string | undefined;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The source bucket (or access point ARN) and, for an access point, its account. */
function copySource(header: string): { name: string; account: string | undefined } | undefined {
  const value = decode(header.trim()).replace(/^\//, '').split('?')[0] ?? '';
  if (value.startsWith('arn:')) {
    const accessPoint = /^(arn:[^:]+:s3:[^:]*:\d{12}:accesspoint\/[^/]+)/.exec(value)?.[1];
    return accessPoint ? { name: accessPoint, account: accountFromArn(accessPoint) } : undefined;
  }
  const bucket = value.split('/')[0];
  return bucket ? { name: bucket, account: undefined } : undefined;
}

/** The account CloudTrail names as owner of `bucket` among the record's resources. */
function bucketOwner(event: CloudTrailEvent, bucket: string): string | undefined {
  for (const resource of asArray(event.resources).slice(0, 20)) {
    if (asString(getPath(resource, 'type')) !== 'AWS::S3::Bucket') continue;
    const arn = asString(getPath(resource, 'ARN')) ?? '';
    if (arn.slice(arn.lastIndexOf(':') + 1) !== bucket) continue;
    const account = asString(getPath(resource, 'accountId'))?.trim();
    if (account && /^\d{12}$/.test(account)) return account;
  }
  return undefined;
}

/** The ends of a copy, or undefined when the record names no destination bucket. */
export function copyEnds(event: CloudTrailEvent): CopyEnds | undefined {
  const destinationBucket = asString(getPath(event.requestParameters, 'bucketName'))?.trim();
  if (!destinationBucket) return undefined;
  const header = asString(getPath(event.requestParameters, 'x-amz-copy-source'));
  const source = header === undefined ? undefined : copySource(header);
  return {
    destinationBucket,
    destinationOwner: bucketOwner(event, destinationBucket),
    source: source?.name,
    sourceOwner: source ? (source.account ?? bucketOwner(event, source.name)) : undefined,
  };
}
