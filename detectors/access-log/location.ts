import type { AccessLogRecord } from '../../ingest/access-log/types.js';

/** Where the logged bucket lives, as far as the log tells. */
export interface BucketLocation {
  readonly account?: string;
  readonly region?: string;
}

/**
 * `<prefix><SourceAccountId>/<SourceRegion>/<SourceBucket>/YYYY/MM/DD/<file>`: the
 * date-based partitioned key S3 writes when logging uses `PartitionedPrefix`.
 */
const PARTITIONED_KEY =
  /(?:^|\/)(\d{12})\/([a-z]{2}(?:-[a-z]+)+-\d{1,2})\/([^/]+)\/\d{4}\/\d{2}\/\d{2}\/[^/]+$/;
/** `bucket.s3.eu-west-1.amazonaws.com`, `s3-eu-west-1`, `s3.dualstack.eu-west-1`, website endpoints. */
const HOST_REGION =
  /(?:^|\.)s3(?:[.-]website)?(?:\.dualstack)?[.-]([a-z]{2}(?:-[a-z]+)+-\d{1,2})\.amazonaws\.com(?:\.cn)?$/;
const ACCESS_POINT_REGION = /^arn:aws[a-z-]*:s3:([a-z]{2}(?:-[a-z]+)+-\d{1,2}):/;

/**
 * The bucket's account and region. The account is known only from a date-based
 * partitioned log key naming this very bucket (the log line itself holds the
 * owner's canonical id, not the account id); the region also from the endpoint
 * the client used or the access point.
 */
export function bucketLocation(objectName: string, record: AccessLogRecord): BucketLocation {
  const key = PARTITIONED_KEY.exec(objectName.replaceAll('\\', '/'));
  if (key && key[3] === record.bucket) return { account: key[1], region: key[2] };
  const region =
    HOST_REGION.exec(record.hostHeader ?? '')?.[1] ??
    ACCESS_POINT_REGION.exec(record.accessPointArn ?? '')?.[1];
  return region === undefined ? {} : { region };
}
