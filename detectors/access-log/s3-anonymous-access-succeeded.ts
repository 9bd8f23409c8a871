import { formatBytes, outcomeOf, targetOf } from './format.js';
import { bucketArn, isRestRequest, isWrite, methodOf, succeeded } from './request.js';
import { requesterLabel } from './requester.js';
import type { AccessLogDetector } from './types.js';

/** S3 served or accepted a request that carried no credentials at all. */
export const s3AnonymousAccessSucceeded: AccessLogDetector = {
  id: 's3-anonymous-access-succeeded',
  input: 'access-log',
  title: 'Anonymous request to S3 succeeded',
  severity: 'high',
  description:
    'S3 server access logs show an unauthenticated request (Requester "-") over the REST API ' +
    'that S3 answered with success: the bucket or object is readable, or writable, by anyone ' +
    'on the internet through a bucket policy or ACL. Writes and deletes are critical. CORS ' +
    'preflight (OPTIONS) and website endpoints (WEBSITE.*, public by design) are left out; ' +
    'presigned URLs carry their signer as requester and are not anonymous. Benign causes: a ' +
    'bucket that deliberately serves public content over the REST endpoint (suppress it by ' +
    'resource).',
  attack: ['T1530'],
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/LogFormat.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
    'S3.8',
  ],
  runbook: 's3-public-exposure',
  dedupWindowSeconds: 6 * 3600,
  match(record) {
    if (record.requester !== null || !isRestRequest(record)) return undefined;
    if (methodOf(record) === 'OPTIONS' || !succeeded(record)) return undefined;
    const write = isWrite(record);
    const bytes = record.bytesSent ? `, ${formatBytes(record.bytesSent)} sent` : '';
    return {
      summary: `${requesterLabel(record)} ${write ? 'changed' : 'read'} ${targetOf(record)} without credentials (${outcomeOf(record)}${bytes})`,
      dedupKey: `${record.bucket}|anonymous|${write ? 'write' : 'read'}`,
      resources: [bucketArn(record.bucket)],
      ...(write ? { severity: 'critical' as const } : {}),
    };
  },
};
