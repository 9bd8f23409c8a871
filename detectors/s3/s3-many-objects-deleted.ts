import { asArray, asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { bucketArn, bucketOf, objectKeyOf } from '../helpers/s3-target.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/** Distinct objects one principal may delete in an hour, over all buckets, before it alerts. */
const DISTINCT_OBJECTS = 200;

/** Objects a single record can name; DeleteObjects accepts 1,000 keys per call. */
const MAX_KEYS_PER_CALL = 1000;

function versioned(bucket: string, key: string, version: unknown): string {
  const id = asString(version)?.trim();
  return id ? `${bucket}/${key}?versionId=${id}` : `${bucket}/${key}`;
}

/**
 * The objects a DeleteObjects record names, where it names any: a request body
 * logged with its `Delete.Object` list (one entry or many), or object ARNs in
 * `resources`. CloudTrail usually logs neither (the body can exceed its record
 * size); since 2025 it logs each key of the batch as its own DeleteObject event.
 */
function batchObjects(event: CloudTrailEvent, bucket: string): string[] {
  const out: string[] = [];
  const objects = asArray(getPath(event.requestParameters, 'delete', 'Object'));
  for (const object of objects.slice(0, MAX_KEYS_PER_CALL)) {
    const key = asString(getPath(object, 'Key'));
    if (key) out.push(versioned(bucket, key, getPath(object, 'VersionId')));
  }
  const prefix = `:s3:::${bucket}/`;
  for (const resource of asArray(event.resources).slice(0, MAX_KEYS_PER_CALL + 1)) {
    if (asString(getPath(resource, 'type')) !== 'AWS::S3::Object') continue;
    const arn = asString(getPath(resource, 'ARN')) ?? '';
    const at = arn.indexOf(prefix);
    if (arn.startsWith('arn:') && at > 0 && arn.length > at + prefix.length) {
      out.push(`${bucket}/${arn.slice(at + prefix.length)}`);
    }
  }
  return out;
}

/** The objects one deletion call removed, as `bucket/key` (with the version when one was named). */
function deletedObjects(event: CloudTrailEvent, bucket: string): string[] {
  if (event.eventName === 'DeleteObjects') return batchObjects(event, bucket);
  const key = objectKeyOf(event);
  return key ? [versioned(bucket, key, getPath(event.requestParameters, 'versionId'))] : [];
}

/**
 * One principal deleting many different objects within an hour, counted by key
 * over every bucket of the account.
 */
export const s3ManyObjectsDeleted: Detector = {
  id: 's3-many-objects-deleted',
  title: 'Many S3 objects deleted, counted by key',
  severity: 'high',
  description:
    `One principal deleted at least ${DISTINCT_OBJECTS} different objects (or object ` +
    'versions) within an hour, across all buckets of the account (S3 data events must be ' +
    'enabled). Each deleted key counts once, whichever call removed it: DeleteObject, the ' +
    'per-key DeleteObject events CloudTrail logs for a DeleteObjects batch, or keys a ' +
    'DeleteObjects record lists; a batch that names no keys counts nothing here (' +
    's3-mass-deletion counts calls per bucket). So a wipe spread over many buckets, each ' +
    'below the per-bucket count, still alerts, and a job deleting the same temporary key ' +
    'over and over does not. Deleting specific versions is permanent and is how ' +
    'versioning is defeated. Benign causes: clean-up and retention jobs, data migrations, ' +
    'CI pruning artifacts.',
  attack: ['T1485', 'T1490'],
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObject.html',
    'https://aws.amazon.com/about-aws/whats-new/2025/06/aws-cloudtrail-logging-amazon-s3-deleteobjects-api/',
  ],
  runbook: 's3-data-destruction',
  dedupWindowSeconds: 3600,
  threshold: { count: DISTINCT_OBJECTS, windowSeconds: 3600, distinct: true },
  listensTo: [{ eventSource: 's3.amazonaws.com', eventNames: ['DeleteObject', 'DeleteObjects'] }],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const bucket = bucketOf(event);
    const objects = bucket ? deletedObjects(event, bucket) : [];
    if (!bucket || objects.length === 0) return undefined;
    const first = objects[0] ?? '';
    const more = objects.length > 1 ? ` and ${objects.length - 1} more` : '';
    return {
      summary: `${principalOf(event)} is deleting S3 objects (${first}${more})`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|S3ObjectsDeleted`,
      resources: [bucketArn(event, bucket)],
      distinctValues: objects,
    };
  },
};
