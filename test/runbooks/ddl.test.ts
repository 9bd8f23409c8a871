import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ACCESS_LOG_BIGINT_COLUMNS,
  ACCESS_LOG_COLUMNS,
  ACCESS_LOG_LINE_PATTERN,
} from '../../runbooks/duckdb/access-log-table.js';
import { athenaType, CLOUDTRAIL_COLUMNS } from '../../runbooks/duckdb/cloudtrail-columns.js';

const DDL_DIR = join(import.meta.dirname, '../../runbooks/sql/ddl/athena');

/** `name type` pairs of a CREATE TABLE column list, whitespace removed from types. */
function columnsOf(ddl: string): string[] {
  const sql = ddl.replace(/--[^\n]*/g, '');
  const create = sql.indexOf('CREATE EXTERNAL TABLE');
  const body = sql.slice(sql.indexOf('(', create) + 1, sql.indexOf('\n)', create));
  const columns: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of body) {
    if (c === '<') depth++;
    if (c === '>') depth--;
    if (c === ',' && depth === 0) {
      columns.push(current);
      current = '';
    } else current += c;
  }
  columns.push(current);
  return columns.map((column) => {
    const [name = '', ...type] = column.trim().split(/\s+/);
    return `${name} ${type.join('')}`;
  });
}

describe('Athena DDL kept in the repo', () => {
  it('declares the CloudTrail columns the DuckDB table has, with the same types', () => {
    const ddl = readFileSync(join(DDL_DIR, 'cloudtrail_logs.sql'), 'utf8');
    expect(columnsOf(ddl)).toEqual(
      CLOUDTRAIL_COLUMNS.map(([name, , type]) => `${name} ${athenaType(type)}`),
    );
    expect(ddl).toContain("'projection.timestamp.format' = 'yyyy/MM/dd'");
    expect(ddl).toContain('`timestamp` string');
  });

  it('declares the access-log columns and the same line pattern as the DuckDB side', () => {
    const ddl = readFileSync(join(DDL_DIR, 's3_access_logs.sql'), 'utf8');
    expect(columnsOf(ddl)).toEqual(
      ACCESS_LOG_COLUMNS.map(
        (c) => `${c} ${ACCESS_LOG_BIGINT_COLUMNS.has(c) ? 'bigint' : 'string'}`,
      ),
    );
    const regex = /'input\.regex' = '(.*)'\n/.exec(ddl)?.[1] ?? '';
    // Hive string literals escape backslashes; undo that to compare.
    expect(regex.replaceAll('\\\\', '\\')).toBe(ACCESS_LOG_LINE_PATTERN);
  });
});
