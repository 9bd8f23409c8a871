-- S3 server access-log table for trailwatch runbooks on Athena: the columns of the
-- AWS-documented table (RegexSerDe), for logs delivered with date-based
-- partitioning (bucket logging with PartitionedPrefix / PartitionDateSource):
--   s3://<LOG_BUCKET>/<PREFIX>/<SOURCE_ACCOUNT>/<SOURCE_REGION>/<SOURCE_BUCKET>/yyyy/MM/dd/
-- The pattern differs from the one in the AWS docs on purpose: each field after the
-- 18th is optional on its own (lines written before a field was added keep their
-- earlier fields), the referrer is a quoted field, and escaped quotes are allowed.
-- It is the same pattern the DuckDB side uses (runbooks/duckdb/access-log-table.ts;
-- test/runbooks/ddl.test.ts checks they match). As with RegexSerDe, absent fields
-- are the string '-' in STRING columns.
CREATE EXTERNAL TABLE IF NOT EXISTS s3_access_logs (
  bucketowner string,
  bucket_name string,
  requestdatetime string,
  remoteip string,
  requester string,
  requestid string,
  operation string,
  key string,
  request_uri string,
  httpstatus string,
  errorcode string,
  bytessent bigint,
  objectsize bigint,
  totaltime string,
  turnaroundtime string,
  referrer string,
  useragent string,
  versionid string,
  hostid string,
  sigv string,
  ciphersuite string,
  authtype string,
  endpoint string,
  tlsversion string,
  accesspointarn string,
  aclrequired string,
  sourceregion string
)
PARTITIONED BY (`timestamp` string)
ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.RegexSerDe'
WITH SERDEPROPERTIES (
  'input.regex' = '^(\\S+) (\\S+) \\[([^\\]]*)\\] (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) ("(?:[^"\\\\]|\\\\.)*"|-) (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) ("(?:[^"\\\\]|\\\\.)*"|-) ("(?:[^"\\\\]|\\\\.)*"|-) (\\S+)(?: (\\S+))?(?: (\\S+))?(?: (\\S+))?(?: (\\S+))?(?: (\\S+))?(?: (\\S+))?(?: (\\S+))?(?: (\\S+))?(?: (\\S+))?.*$'
)
STORED AS INPUTFORMAT 'org.apache.hadoop.mapred.TextInputFormat'
OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
LOCATION 's3://<LOG_BUCKET>/<PREFIX>/<SOURCE_ACCOUNT>/<SOURCE_REGION>/<SOURCE_BUCKET>/'
TBLPROPERTIES (
  'projection.enabled' = 'true',
  'projection.timestamp.type' = 'date',
  'projection.timestamp.format' = 'yyyy/MM/dd',
  'projection.timestamp.range' = '2024/01/01,NOW',
  'projection.timestamp.interval' = '1',
  'projection.timestamp.interval.unit' = 'DAYS',
  'storage.location.template' = 's3://<LOG_BUCKET>/<PREFIX>/<SOURCE_ACCOUNT>/<SOURCE_REGION>/<SOURCE_BUCKET>/${timestamp}'
);
