import { duckdbFileLiteral, duckdbString } from './sql-literal.js';

/**
 * The DuckDB `s3_access_logs` table with the columns of the AWS-documented
 * Athena table for S3 server access logs (RegexSerDe). As with RegexSerDe, an
 * absent field stays the string '-' in STRING columns and becomes NULL in the
 * BIGINT ones. (Parsing access logs for detectors is ingest's job; this reads
 * the same lines for investigations only.)
 */
export const ACCESS_LOG_COLUMNS = [
  'bucketowner',
  'bucket_name',
  'requestdatetime',
  'remoteip',
  'requester',
  'requestid',
  'operation',
  'key',
  'request_uri',
  'httpstatus',
  'errorcode',
  'bytessent',
  'objectsize',
  'totaltime',
  'turnaroundtime',
  'referrer',
  'useragent',
  'versionid',
  'hostid',
  'sigv',
  'ciphersuite',
  'authtype',
  'endpoint',
  'tlsversion',
  'accesspointarn',
  'aclrequired',
  'sourceregion',
] as const;

export const ACCESS_LOG_BIGINT_COLUMNS = new Set(['bytessent', 'objectsize']);

const QUOTED = String.raw`("(?:[^"\\]|\\.)*"|-)`;

/**
 * One access-log line. Unlike the regex in the AWS docs, every field after the
 * 18th is optional on its own (older lines have fewer fields; the format grows by
 * appending), the referrer is a quoted field, and escaped quotes are allowed.
 */
export const ACCESS_LOG_LINE_PATTERN =
  String.raw`^(\S+) (\S+) \[([^\]]*)\] (\S+) (\S+) (\S+) (\S+) (\S+) ${QUOTED} (\S+) (\S+) (\S+) (\S+) (\S+) (\S+) ${QUOTED} ${QUOTED} (\S+)` +
  String.raw`(?: (\S+))?`.repeat(9) +
  '.*$';

export const CREATE_ACCESS_LOG_TABLE = `CREATE TABLE s3_access_logs (
  ${ACCESS_LOG_COLUMNS.map((c) => `${c} ${ACCESS_LOG_BIGINT_COLUMNS.has(c) ? 'BIGINT' : 'VARCHAR'}`).join(',\n  ')},
  "timestamp" VARCHAR
)`;

/**
 * Fills the table from access-log files, one line per row. `timestamp` comes from
 * the date-based key layout (`.../yyyy/mm/dd/<file>`), else from the request time.
 */
export function insertAccessLogsSql(files: readonly string[]): string {
  const columns = ACCESS_LOG_COLUMNS.map((c) =>
    ACCESS_LOG_BIGINT_COLUMNS.has(c) ? `TRY_CAST(m.${c} AS BIGINT)` : `nullif(m.${c}, '')`,
  ).join(',\n  ');
  const names = ACCESS_LOG_COLUMNS.map(duckdbString).join(', ');
  return `INSERT INTO s3_access_logs
SELECT
  ${columns},
  coalesce(
    nullif(regexp_extract(replace(filename, '\\', '/'), '/([0-9]{4}/[0-9]{2}/[0-9]{2})/[^/]+$', 1), ''),
    strftime(try_strptime(m.requestdatetime, '%d/%b/%Y:%H:%M:%S %z'), '%Y/%m/%d'))
FROM (
  SELECT filename, regexp_extract(line, ${duckdbString(ACCESS_LOG_LINE_PATTERN)}, [${names}]) AS m
  FROM read_csv([${files.map(duckdbFileLiteral).join(', ')}], columns = {'line': 'VARCHAR'},
                header = false, delim = chr(1), quote = '', escape = '', auto_detect = false,
                filename = true)
)
WHERE m.bucketowner <> ''`;
}
