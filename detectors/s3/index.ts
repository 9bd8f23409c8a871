export { s3AccessLoggingDisabled } from './s3-access-logging-disabled.js';
export { s3BlockPublicAccessRemoved } from './s3-block-public-access-removed.js';
export { s3BucketAclPublic } from './s3-bucket-acl-public.js';
export { s3BucketConfigChanged } from './s3-bucket-config-changed.js';
export { s3BucketPolicyPublic } from './s3-bucket-policy-public.js';
export { s3ObjectAclPublic } from './s3-object-acl-public.js';
