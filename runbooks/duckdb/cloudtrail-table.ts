import { CLOUDTRAIL_COLUMNS, duckdbType } from './cloudtrail-columns.js';
import type { CloudTrailFileKind } from './local-files.js';
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
 * Fills the table from `files` of one kind. Only `columns` are read (others stay
 * NULL): the JSON reader's cost grows with the schema, and a run knows which
 * columns its queries use. The partition column `timestamp` (`yyyy/MM/dd`) comes
 * from the S3 key layout (`.../CloudTrail/<region>/yyyy/mm/dd/<file>`), as
 * Athena's projection does; files outside that layout fall back to the event's date.
 */
export function insertCloudTrailSql(
  files: readonly string[],
  kind: CloudTrailFileKind,
  columns?: ReadonlySet<string>,
): string {
  const read = CLOUDTRAIL_COLUMNS.filter(
    ([name]) => !columns || columns.has(name) || ALWAYS_READ.has(name),
  );
  const record = `STRUCT(${read.map(([, key, type]) => `"${key}" ${duckdbType(type, true)}`).join(', ')})`;
  const select = read
    .map(([, key, type]) =>
      type === 'string' ? `r."${key}"` : `CAST(r."${key}" AS ${duckdbType(type, false)})`,
    )
    .join(',\n    ');
  const source = readJson(files, wrapperType(kind, record));
  const rows =
    kind === 'trail'
      ? `SELECT filename, unnest(j."Records") AS r FROM ${source}`
      : kind === 'eventbridge'
        ? `SELECT filename, j."detail" AS r FROM ${source} WHERE j."detail-type" LIKE '%via CloudTrail'`
        : `SELECT filename, j AS r FROM ${source}`;
  return `INSERT INTO cloudtrail_logs (${read.map(([name]) => name).join(', ')}, "timestamp")
SELECT
    ${select},
    coalesce(
      nullif(regexp_extract(replace(filename, '\\', '/'),
        '/CloudTrail(?:-NetworkActivity)?/[^/]+/([0-9]{4}/[0-9]{2}/[0-9]{2})/', 1), ''),
      replace(substr(r."eventTime", 1, 10), '-', '/'))
FROM (${rows})
WHERE r IS NOT NULL`;
}

/** The type of each JSON value in a file of this kind. */
function wrapperType(kind: CloudTrailFileKind, record: string): string {
  if (kind === 'trail') return `STRUCT("Records" ${record}[])`;
  if (kind === 'eventbridge') return `STRUCT("detail-type" VARCHAR, "detail" ${record})`;
  return record;
}

/** Each top-level JSON value (or array element) of `files` as one column `j`. */
function readJson(files: readonly string[], type: string): string {
  return `read_json([${files.map(duckdbFileLiteral).join(', ')}], format = 'auto', records = 'false',
                 filename = true, maximum_object_size = ${MAX_OBJECT_BYTES},
                 columns = {'j': ${duckdbString(type)}}) AS t`;
}
