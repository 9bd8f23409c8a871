import { CLOUDTRAIL_COLUMNS, duckdbType } from './cloudtrail-columns.js';
import { duckdbFileLiteral, duckdbString } from './sql-literal.js';

/**
 * The DuckDB `cloudtrail_logs` table: Athena's column names and types, filled
 * from local CloudTrail files. Materialised once per investigation so a runbook's
 * queries read the files once, and a file DuckDB rejects is found at load time.
 */

/** Largest single CloudTrail file (uncompressed) DuckDB will parse; its 16 MiB default is too small. */
export const MAX_OBJECT_BYTES = 1024 * 1024 * 1024;

export const CREATE_CLOUDTRAIL_TABLE = `CREATE TABLE cloudtrail_logs (
  ${CLOUDTRAIL_COLUMNS.map(([name, , type]) => `${name} ${duckdbType(type, false)}`).join(',\n  ')},
  "timestamp" VARCHAR
)`;

/** Columns every load reads: the window and the partition fallback need `eventtime`. */
const ALWAYS_READ = new Set(['eventtime']);

/**
 * Fills the table from `files`. Only `columns` are read (others stay NULL): the
 * JSON reader's cost grows with the schema, and a run knows which columns its
 * queries use. The partition column `timestamp` (`yyyy/MM/dd`) comes from the S3
 * key layout (`.../CloudTrail/<region>/yyyy/mm/dd/<file>`), as Athena's
 * projection does; files outside that layout fall back to the event's date.
 */
export function insertCloudTrailSql(
  files: readonly string[],
  columns?: ReadonlySet<string>,
): string {
  const read = CLOUDTRAIL_COLUMNS.filter(
    ([name]) => !columns || columns.has(name) || ALWAYS_READ.has(name),
  );
  const schema = `STRUCT(${read.map(([, key, type]) => `"${key}" ${duckdbType(type, true)}`).join(', ')})[]`;
  const select = read
    .map(([, key, type]) =>
      type === 'string' ? `r."${key}"` : `CAST(r."${key}" AS ${duckdbType(type, false)})`,
    )
    .join(',\n    ');
  const list = files.map(duckdbFileLiteral).join(', ');
  return `INSERT INTO cloudtrail_logs (${read.map(([name]) => name).join(', ')}, "timestamp")
SELECT
    ${select},
    coalesce(
      nullif(regexp_extract(replace(filename, '\\', '/'),
        '/CloudTrail(?:-NetworkActivity)?/[^/]+/([0-9]{4}/[0-9]{2}/[0-9]{2})/', 1), ''),
      replace(substr(r."eventTime", 1, 10), '-', '/'))
FROM (
  SELECT filename, unnest("Records") AS r
  FROM read_json([${list}], format = 'auto', filename = true,
                 maximum_object_size = ${MAX_OBJECT_BYTES},
                 columns = {'Records': ${duckdbString(schema)}})
)`;
}
