export {
  ACCESS_LOG_FIELDS,
  type AccessLogField,
  type AccessLogRecord,
  hasField,
  parseAccessLogLine,
} from './access-log/index.js';
export type { CloudTrailEvent, UserIdentity } from './cloudtrail-event.js';
export { CloudTrailEventSchema, UserIdentitySchema } from './cloudtrail-event.js';
export { IngestError, type IngestErrorCode, InputPathError } from './errors.js';
export { fromEventBridge } from './eventbridge.js';
export { listInputFiles } from './input-files.js';
export { classifyKey, type KeySkip } from './object-key.js';
export type { IngestOptions } from './options.js';
export { readObject, readObjectBatches } from './read-object.js';
export { readFileBatches, readPaths, readPathsBatches } from './read-paths.js';
export { decodeS3Key } from './s3-key.js';
export {
  type NotificationSkipReason,
  type NotifiedObject,
  parseS3Notification,
  type S3NotificationOptions,
  type S3NotificationResult,
} from './s3-notification.js';
export type { ObjectBody } from './stored-body.js';
export type { IngestItem, SkipReason, SourceRef } from './types.js';
