import type { CloudTrailEvent } from '../types.js';
import { asString, getPath } from './fields.js';

/**
 * The bucket (and object key) an S3 call acted on, as CloudTrail logs it in
 * `requestParameters.bucketName` / `requestParameters.key`.
 */

/** The bucket name, or undefined when the record does not carry one as a string. */
export function bucketOf(event: CloudTrailEvent): string | undefined {
  const name = asString(getPath(event.requestParameters, 'bucketName'));
  return name ? name : undefined;
}

/** The object key, or undefined when absent. */
export function objectKeyOf(event: CloudTrailEvent): string | undefined {
  const key = asString(getPath(event.requestParameters, 'key'));
  return key ? key : undefined;
}

/** The ARN partition of the event's region: China and GovCloud differ from `aws`. */
function partitionOf(event: CloudTrailEvent): string {
  const region = event.awsRegion ?? '';
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** `arn:aws:s3:::bucket` (S3 bucket ARNs carry no region or account). */
export function bucketArn(event: CloudTrailEvent, bucket: string): string {
  return `arn:${partitionOf(event)}:s3:::${bucket}`;
}

/** `arn:aws:s3:::bucket/key`. */
export function objectArn(event: CloudTrailEvent, bucket: string, key: string): string {
  return `arn:${partitionOf(event)}:s3:::${bucket}/${key}`;
}
