import type { CfnTable } from 'aws-cdk-lib/aws-glue';
import {
  ACCESS_LOG_BIGINT_COLUMNS,
  ACCESS_LOG_COLUMNS,
  ACCESS_LOG_LINE_PATTERN,
} from '../../runbooks/duckdb/access-log-table.js';

/** The table the runbook queries on S3 server access logs read (runbooks/queries/s3-access-logs.ts). */
export const ACCESS_LOG_TABLE_NAME = 's3_access_logs';

/**
 * The columns of the table AWS documents for S3 server access logs ("Querying Amazon S3
 * server access logs using Athena"), in log-field order, typed as the runbooks' DuckDB twin
 * types them (runbooks/duckdb/access-log-table.ts), so a runbook query means the same on
 * both engines: the byte counts are bigint, everything else (status, times) a string.
 */
export const ACCESS_LOG_TABLE_COLUMNS: readonly CfnTable.ColumnProperty[] = ACCESS_LOG_COLUMNS.map(
  (name) => ({ name, type: ACCESS_LOG_BIGINT_COLUMNS.has(name) ? 'bigint' : 'string' }),
);

/**
 * Partition columns, both projected. `source_bucket` is the logged bucket as it appears
 * in the key (the `bucket_name` column holds the same name, read from each line);
 * `timestamp` is the key's `yyyy/MM/dd`, the day of the requests (EventTime keys).
 */
export const ACCESS_LOG_PARTITION_KEYS: readonly CfnTable.ColumnProperty[] = [
  { name: 'source_bucket', type: 'string' },
  { name: 'timestamp', type: 'string' },
];

/** Where the access logs are and which of them to project. */
export interface AccessLogTableLayout {
  /** The bucket S3 delivers the access logs to. */
  readonly bucketName: string;
  /** Key prefix before `<account>/<region>/<source bucket>/`, ending in `/`. */
  readonly prefix: string;
  /**
   * Account and region of the logged buckets: S3 only delivers access logs to a bucket of
   * the same account and region as the logged one, so they are the log bucket's own.
   */
  readonly account: string;
  readonly region: string;
  /** The logged buckets: those whose server access logs go to `bucketName` under `prefix`. */
  readonly sourceBuckets: readonly string[];
  /** `yyyy/MM/dd`, first projected day. */
  readonly since: string;
}

/**
 * Glue table input for the access logs in `layout`, with date-based partitioned keys
 * (`<prefix><account>/<region>/<bucket>/yyyy/MM/dd/<file>`) and partition projection: no
 * crawler, no ALTER TABLE ADD PARTITION.
 *
 * The RegexSerDe pattern is the repository's (runbooks/sql/ddl/athena/s3_access_logs.sql,
 * the same one the DuckDB side applies) rather than the one in the AWS docs: that one
 * drops every field after Version Id on lines written before a field was added, and fails
 * on a quoted referrer with a space. Glue takes the pattern as it is: the doubled
 * backslashes of the DDL are only Hive string-literal escaping.
 */
export function accessLogTableInput(
  name: string,
  layout: AccessLogTableLayout,
): CfnTable.TableInputProperty {
  const root = `s3://${layout.bucketName}/${layout.prefix}${layout.account}/${layout.region}/`;
  return {
    name,
    description:
      'S3 server access logs of trailwatch buckets, with partition projection on bucket and day',
    tableType: 'EXTERNAL_TABLE',
    partitionKeys: [...ACCESS_LOG_PARTITION_KEYS],
    parameters: {
      EXTERNAL: 'TRUE',
      'projection.enabled': 'true',
      // No spaces around commas: a space would become part of the value.
      'projection.source_bucket.type': 'enum',
      'projection.source_bucket.values': layout.sourceBuckets.join(','),
      'projection.timestamp.type': 'date',
      'projection.timestamp.format': 'yyyy/MM/dd',
      'projection.timestamp.interval': '1',
      'projection.timestamp.interval.unit': 'DAYS',
      'projection.timestamp.range': `${layout.since},NOW`,
      // The escaped ${...} are Athena's placeholders, filled per partition at query time.
      'storage.location.template': `${root}\${source_bucket}/\${timestamp}`,
    },
    storageDescriptor: {
      location: root,
      columns: [...ACCESS_LOG_TABLE_COLUMNS],
      inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
      outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
      serdeInfo: {
        serializationLibrary: 'org.apache.hadoop.hive.serde2.RegexSerDe',
        parameters: { 'serialization.format': '1', 'input.regex': ACCESS_LOG_LINE_PATTERN },
      },
    },
  };
}
