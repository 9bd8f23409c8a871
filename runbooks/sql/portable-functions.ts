/**
 * Functions runbook SQL may call: each behaves the same on Athena (Trino) and on
 * DuckDB with our shim (research notes, runbooks-athena.md §3.3). Anything else is
 * refused by the lint, with the reason when the trap is known.
 */

/** Allowed argument counts; `max` undefined = variadic. */
interface Arity {
  readonly min: number;
  readonly max?: number;
}

const exactly = (n: number): Arity => ({ min: n, max: n });

export const PORTABLE_FUNCTIONS: Readonly<Record<string, Arity>> = {
  count: exactly(1),
  count_if: exactly(1),
  sum: exactly(1),
  min: exactly(1),
  max: exactly(1),
  coalesce: { min: 1 },
  nullif: exactly(2),
  json_extract_scalar: exactly(2),
  from_iso8601_timestamp: exactly(1),
  parse_datetime: exactly(2),
  substr: { min: 2, max: 3 },
  split_part: exactly(3),
  starts_with: exactly(2),
  lower: exactly(1),
  upper: exactly(1),
  regexp_like: exactly(2),
  cast: exactly(1),
  try_cast: exactly(1),
};

/** Known traps, with what to write instead. */
export const NON_PORTABLE_FUNCTIONS: Readonly<Record<string, string>> = {
  regexp_replace: 'Trino replaces every match, DuckDB only the first',
  format: "DuckDB's format uses {} and returns a %s template unchanged",
  element_at: 'DuckDB element_at works on maps only',
  cardinality: 'DuckDB cardinality works on maps only',
  date_add: "DuckDB's date_add has another signature; use interval arithmetic",
  date_format: 'output text differs between engines; compare ISO strings instead',
  format_datetime: 'not available on DuckDB',
  date_parse: 'DuckDB needs a constant format; use from_iso8601_timestamp',
  to_iso8601: 'timestamp text differs between engines; select eventtime or substr(eventtime, ...)',
  date_trunc:
    'returns a timestamp whose text differs between engines; bucket with substr(eventtime, 1, 13)',
  json_array_contains: 'no DuckDB equivalent in the shim',
  json_parse: 'CAST/JSON semantics differ; keep JSON columns as strings',
  json_format: 'CAST/JSON semantics differ; keep JSON columns as strings',
  map_agg: 'not available on DuckDB',
  approx_distinct: 'the sketches differ, so results differ; use count(DISTINCT ...)',
  approx_percentile: 'the sketches differ, so results differ',
  array_agg: 'array output text differs between engines; aggregate to counts',
  max_by: 'ties resolve differently per engine',
  min_by: 'ties resolve differently per engine',
  arbitrary: 'picks a different row per engine',
  avg: 'double output text differs between engines; use sum and count',
  filter: 'lambdas differ (DuckDB list_filter, lambda x: ...)',
  transform: 'lambdas differ (DuckDB list_transform)',
  any_match: 'lambdas differ between engines',
  unnest: 'UNNEST of array<row> expands differently (Trino one column per field)',
  concat: 'DuckDB skips NULL arguments, Trino returns NULL; use ||',
  regexp_extract: "no match is NULL on Trino, '' on DuckDB",
  greatest: 'DuckDB ignores NULL arguments, Trino returns NULL',
  least: 'DuckDB ignores NULL arguments, Trino returns NULL',
  json_extract: 'returns JSON whose text and path syntax differ; use json_extract_scalar',
  json_array_length: 'not needed by runbooks; add with a golden test if it is',
};

/** Types a CAST may target: their text form is the same on both engines. */
export const PORTABLE_CAST_TYPES = new Set(['BIGINT', 'INTEGER', 'VARCHAR', 'BOOLEAN']);

/** Timestamp-valued functions: allowed in WHERE, never as output (their text differs). */
export const TIMESTAMP_FUNCTIONS = new Set(['from_iso8601_timestamp', 'parse_datetime']);

/** Joda formats the DuckDB shim maps for parse_datetime. */
export const PARSE_DATETIME_FORMATS = new Set(['dd/MMM/yyyy:HH:mm:ss Z']);

/** Keywords that DuckDB accepts and Trino rejects. */
export const DUCKDB_ONLY_KEYWORDS = new Set([
  'ILIKE',
  'QUALIFY',
  'GLOB',
  'PIVOT',
  'UNPIVOT',
  'ASOF',
  'POSITIONAL',
  'EXCLUDE',
  'COLUMNS',
]);

/** Words followed by `(` that are syntax, not function calls. */
export const PAREN_KEYWORDS = new Set([
  'IN',
  'AND',
  'OR',
  'NOT',
  'EXISTS',
  'VALUES',
  'AS',
  'FILTER',
  'OVER',
  'USING',
  'ON',
  'BETWEEN',
  'WHEN',
  'THEN',
  'ELSE',
  'FROM',
  'SELECT',
  'WHERE',
  'JOIN',
  'IS',
  'LIKE',
  'WITH',
  'DISTINCT',
]);
