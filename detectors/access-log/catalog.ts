import { s3AnonymousAccessSucceeded } from './s3-anonymous-access-succeeded.js';
import { s3BucketEnumeration } from './s3-bucket-enumeration.js';
import { s3CloudFrontOriginBypassed } from './s3-cloudfront-origin-bypassed.js';
import { s3InsecureTransport } from './s3-insecure-transport.js';
import { s3LargeDataTransfer } from './s3-large-data-transfer.js';
import type { AccessLogDetector } from './types.js';

/** Every built-in S3 server access-log detector, sorted by id. */
export const BUILTIN_ACCESS_LOG_DETECTORS: readonly AccessLogDetector[] = [
  s3AnonymousAccessSucceeded,
  s3BucketEnumeration,
  s3CloudFrontOriginBypassed,
  s3InsecureTransport,
  s3LargeDataTransfer,
].sort((a, b) => a.id.localeCompare(b.id));
