export { BUILTIN_ACCESS_LOG_DETECTORS } from './catalog.js';
export { AccessLogEngine } from './engine.js';
export { accessLogEvidence } from './evidence.js';
export { type BucketLocation, bucketLocation } from './location.js';
export { applyAccessLogOverrides, type MetaOverride } from './overrides.js';
export { requesterIdentity, requesterKey } from './requester.js';
export { s3AnonymousAccessSucceeded } from './s3-anonymous-access-succeeded.js';
export { s3BucketEnumeration } from './s3-bucket-enumeration.js';
export {
  CLOUDFRONT_OAC_REQUESTER,
  s3CloudFrontOriginBypassed,
} from './s3-cloudfront-origin-bypassed.js';
export { s3InsecureTransport } from './s3-insecure-transport.js';
export { BYTE_UNIT, s3LargeDataTransfer } from './s3-large-data-transfer.js';
export type { AccessLogDetector } from './types.js';
