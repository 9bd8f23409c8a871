/**
 * DuckDB macros for the Trino functions runbook SQL may use and DuckDB lacks
 * (research notes runbooks-athena.md §3.4, verified on DuckDB 1.5.6). Only names
 * DuckDB does not have are defined: a macro shadowing a built-in would hide all
 * of its overloads.
 */
export const DUCKDB_SHIM_SQL: readonly string[] = [
  // Trino JSONPath bracket keys $["x-amz-acl"] -> DuckDB quoted keys $."x-amz-acl".
  `CREATE OR REPLACE MACRO trino_json_path(p) AS
     regexp_replace(p, '\\["((?:[^"\\\\]|\\\\.)*)"\\]', '."\\1"', 'g')`,
  // Trino returns NULL unless the value at the path is a scalar (objects and arrays too),
  // and NULL for text that is not JSON, where DuckDB's JSON functions raise an error.
  `CREATE OR REPLACE MACRO json_extract_scalar(j, p) AS
     CASE WHEN NOT json_valid(j) THEN NULL
          WHEN json_type(j, trino_json_path(p)) IN ('OBJECT', 'ARRAY') THEN NULL
          ELSE json_extract_string(j, trino_json_path(p)) END`,
  'CREATE OR REPLACE MACRO from_iso8601_timestamp(s) AS CAST(s AS TIMESTAMPTZ)',
  // strptime needs a constant format: map the Joda formats the lint allows.
  `CREATE OR REPLACE MACRO parse_datetime(s, f) AS CASE f
     WHEN 'dd/MMM/yyyy:HH:mm:ss Z' THEN strptime(s, '%d/%b/%Y:%H:%M:%S %z')
     ELSE error('parse_datetime: format not mapped by the DuckDB shim: ' || f) END`,
  'CREATE OR REPLACE MACRO regexp_like(s, p) AS regexp_matches(s, p)',
];
