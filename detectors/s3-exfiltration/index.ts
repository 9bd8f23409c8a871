export { s3ObjectCopiedToForeignBucket } from './s3-object-copied-to-foreign-bucket.js';
