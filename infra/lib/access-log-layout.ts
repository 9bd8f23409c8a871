import {
  type BucketProps,
  type IBucket,
  PartitionDateSource,
  TargetObjectKeyFormat,
} from 'aws-cdk-lib/aws-s3';

/**
 * Where S3 writes the server access logs of trailwatch's buckets, inside the access-log
 * bucket: `<prefix><account>/<region>/<source bucket>/yyyy/MM/dd/<file>` (date-based
 * partitioned keys). One prefix for every source bucket: the partitioned key already
 * names the source bucket, so a prefix per source would say it twice, and would make the
 * Athena table project every prefix with every bucket.
 */
export const ACCESS_LOG_LAYOUT = {
  prefix: 's3-access-logs/',
  /**
   * Dated by the requests' own day (EventTime), not the delivery day: a runbook query's
   * `"timestamp"` range then holds every request of its days, and the detectors read the
   * source account and region from the key (detectors/access-log/location.ts).
   */
  dateSource: PartitionDateSource.EVENT_TIME,
} as const;

/** The bucket props that send a bucket's server access logs to `accessLogsBucket` in that layout. */
export function serverAccessLogsTo(
  accessLogsBucket: IBucket,
): Pick<
  BucketProps,
  'serverAccessLogsBucket' | 'serverAccessLogsPrefix' | 'targetObjectKeyFormat'
> {
  return {
    serverAccessLogsBucket: accessLogsBucket,
    serverAccessLogsPrefix: ACCESS_LOG_LAYOUT.prefix,
    targetObjectKeyFormat: TargetObjectKeyFormat.partitionedPrefix(ACCESS_LOG_LAYOUT.dateSource),
  };
}
