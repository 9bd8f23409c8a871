import { outcomeOf, targetOf } from './format.js';
import { bucketArn, isRead, succeeded } from './request.js';
import { requesterKey, requesterLabel } from './requester.js';
import type { AccessLogDetector } from './types.js';

/** How CloudFront origin access control appears as Requester in S3 access logs. */
export const CLOUDFRONT_OAC_REQUESTER = 'svc:cloudfront.amazonaws.com';

/** A bucket meant to be reached only through CloudFront was read directly. */
export const s3CloudFrontOriginBypassed: AccessLogDetector = {
  id: 's3-cloudfront-origin-bypassed',
  input: 'access-log',
  title: 'CloudFront-only S3 bucket read directly, bypassing CloudFront',
  severity: 'medium',
  description:
    'A bucket listed in cloudFrontOnlyBuckets answered a read (GET or HEAD, success) from a ' +
    'requester other than CloudFront: not origin access control (svc:cloudfront.amazonaws.com) ' +
    'and not one of cloudFrontOriginAccessIdentities. Whoever did it skipped the WAF, geo ' +
    'restrictions, signed URLs and logging that CloudFront enforces; high when the reader is ' +
    'anonymous (the bucket policy still allows public reads). Benign causes: deploy pipelines ' +
    'and operators reading the bucket with their own credentials (suppress by principal).',
  attack: ['T1530'],
  references: [
    'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/LogFormat.html',
  ],
  runbook: 's3-public-exposure',
  dedupWindowSeconds: 6 * 3600,
  match(record, ctx) {
    if (!ctx.settings.cloudFrontOnlyBuckets.includes(record.bucket)) return undefined;
    if (!isRead(record) || !succeeded(record)) return undefined;
    const requester = record.requester;
    if (requester === CLOUDFRONT_OAC_REQUESTER) return undefined;
    if (requester !== null && ctx.settings.cloudFrontOriginAccessIdentities.includes(requester)) {
      return undefined;
    }
    return {
      summary: `${requesterLabel(record)} read ${targetOf(record)} directly, not through CloudFront (${outcomeOf(record)})`,
      dedupKey: `${record.bucket}|${requesterKey(record)}`,
      resources: [bucketArn(record.bucket)],
      ...(requester === null ? { severity: 'high' as const } : {}),
    };
  },
};
