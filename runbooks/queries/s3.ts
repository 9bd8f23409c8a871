import { defineQuery } from './define.js';

/** S3 exposure, reads and destruction, from CloudTrail (object reads need S3 data events). */

export const bucketConfigChanges = defineQuery({
  id: 'bucket-config-changes',
  title: 'Access settings changed on the bucket',
  description:
    'Policy, ACL, Block Public Access, ownership, website, CORS and replication changes on ' +
    'the bucket; `request` holds the policy or ACL as sent.',
  params: ['bucket'],
  sql: `SELECT eventtime, useridentity.arn AS actor, eventname, sourceipaddress, errorcode,
       json_extract_scalar(requestparameters, '$["x-amz-acl"][0]') AS canned_acl,
       requestparameters AS request, eventid
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND eventsource = 's3.amazonaws.com'
  AND json_extract_scalar(requestparameters, '$.bucketName') = :bucket
  AND eventname IN ('PutBucketPolicy', 'DeleteBucketPolicy', 'PutBucketAcl', 'PutObjectAcl',
                    'PutBucketPublicAccessBlock', 'DeleteBucketPublicAccessBlock',
                    'PutBucketOwnershipControls', 'DeleteBucketOwnershipControls',
                    'PutBucketWebsite', 'PutBucketCors', 'PutBucketReplication')
ORDER BY eventtime, eventid`,
});

export const bucketObjectReads = defineQuery({
  id: 'bucket-object-reads',
  title: 'Object reads from the bucket',
  description:
    'GetObject/HeadObject/CopyObject/SelectObjectContent on the bucket with bytes sent ' +
    '(requires S3 data events on the trail): who took what.',
  params: ['bucket'],
  sql: `SELECT eventtime, useridentity.type AS identity_type,
       coalesce(useridentity.arn, useridentity.accountid) AS principal, eventname,
       json_extract_scalar(requestparameters, '$.key') AS object_key,
       try_cast(nullif(split_part(json_extract_scalar(additionaleventdata, '$.bytesTransferredOut'), '.', 1), '') AS BIGINT) AS bytes_out,
       sourceipaddress, useragent, errorcode, eventid
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND eventsource = 's3.amazonaws.com'
  AND eventname IN ('GetObject', 'HeadObject', 'CopyObject', 'SelectObjectContent')
  AND json_extract_scalar(requestparameters, '$.bucketName') = :bucket
ORDER BY eventtime, eventid`,
});

export const bucketAnonymousRequests = defineQuery({
  id: 'bucket-anonymous-requests',
  title: 'Anonymous requests to the bucket',
  description:
    'Unauthenticated requests CloudTrail recorded for the bucket (userIdentity accountId ' +
    '"anonymous"; requires S3 data events): proof the exposure was used.',
  params: ['bucket'],
  sql: `SELECT eventtime, eventname, json_extract_scalar(requestparameters, '$.key') AS object_key,
       sourceipaddress, useragent, errorcode, eventid
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND eventsource = 's3.amazonaws.com' AND useridentity.accountid = 'anonymous'
  AND json_extract_scalar(requestparameters, '$.bucketName') = :bucket
ORDER BY eventtime, eventid`,
});

export const bucketDestructiveCalls = defineQuery({
  id: 'bucket-destructive-calls',
  title: 'Destructive changes to the bucket',
  description:
    'Versioning suspension, lifecycle rules, Object Lock and encryption changes, deletions, ' +
    'and writes with customer-provided keys (SSE-C, a ransomware technique) on the bucket.',
  params: ['bucket'],
  sql: `SELECT eventtime, useridentity.arn AS actor, eventname, sourceipaddress, errorcode,
       json_extract_scalar(requestparameters, '$.VersioningConfiguration.Status') AS versioning,
       json_extract_scalar(requestparameters, '$["x-amz-server-side-encryption-customer-algorithm"]') AS sse_customer_algorithm,
       json_extract_scalar(requestparameters, '$.key') AS object_key, eventid
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND eventsource = 's3.amazonaws.com'
  AND json_extract_scalar(requestparameters, '$.bucketName') = :bucket
  AND (eventname IN ('PutBucketVersioning', 'PutBucketLifecycle', 'PutBucketLifecycleConfiguration',
                     'DeleteBucketLifecycle', 'PutObjectLockConfiguration', 'PutBucketEncryption',
                     'DeleteBucketEncryption', 'PutBucketReplication', 'DeleteBucketReplication',
                     'DeleteBucket', 'DeleteObject', 'DeleteObjects')
       OR json_extract_scalar(requestparameters, '$["x-amz-server-side-encryption-customer-algorithm"]') IS NOT NULL)
ORDER BY eventtime, eventid`,
});

export const s3DeletionsByHour = defineQuery({
  id: 's3-deletions-by-hour',
  title: 'Object deletions per principal, bucket and hour',
  description:
    'DeleteObject/DeleteObjects calls counted per hour (requires S3 data events): shows every ' +
    'bucket being emptied, not only the one in the alert.',
  params: [],
  sql: `SELECT substr(eventtime, 1, 13) AS hour_utc,
       coalesce(useridentity.arn, useridentity.accountid) AS principal,
       json_extract_scalar(requestparameters, '$.bucketName') AS bucket,
       count(*) AS delete_calls, count_if(errorcode IS NULL) AS succeeded
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND eventsource = 's3.amazonaws.com' AND eventname IN ('DeleteObject', 'DeleteObjects')
GROUP BY 1, 2, 3
ORDER BY count(*) DESC, 1, 2, 3`,
});
