import { describe, expect, it } from 'vitest';
import type { QueryResult } from '../../../runbooks/engines/types.js';
import {
  escapeForTerminal,
  formatCsv,
  formatTable,
  resultAsJson,
} from '../../../runbooks/output/format-result.js';

const RESULT: QueryResult = {
  columns: [
    { name: 'useragent', type: 'varchar' },
    { name: 'calls', type: 'bigint' },
  ],
  rows: [
    ['\u001b[2J\u001b[31mred', '3'],
    ['=HYPERLINK("http://evil")', '1'],
    ['a, "quoted"\nline', null],
    ['-', '-1'],
  ],
  stats: { engine: 'duckdb', elapsedMs: 3 },
};

describe('result formats', () => {
  it('escapes terminal control and bidi characters in the table', () => {
    const table = formatTable(RESULT);
    expect(table).not.toContain('\u001b');
    expect(table).toContain('\\u001b[2J\\u001b[31mred');
    expect(escapeForTerminal('a\u202eb\u0085c')).toBe('a\\u202eb\\u0085c');
    expect(table.split('\n')[0]).toBe(`${'useragent'.padEnd(25)}  calls`);
    expect(table).toContain('NULL');
  });

  it('cuts long cells in the table only', () => {
    const long: QueryResult = { ...RESULT, rows: [['x'.repeat(100), '1']] };
    expect(formatTable(long, 10)).toContain(`${'x'.repeat(9)}…`);
    expect(formatCsv(long)).toContain('x'.repeat(100));
  });

  it('writes RFC 4180 CSV and defuses formula cells', () => {
    expect(formatCsv(RESULT)).toBe(
      [
        'useragent,calls',
        '\u001b[2J\u001b[31mred,3',
        `"'=HYPERLINK(""http://evil"")",1`,
        '"a, ""quoted""\nline",',
        '-,-1',
        '',
      ].join('\r\n'),
    );
  });

  it('keys JSON rows by column name, NULL as null', () => {
    const json = resultAsJson({ query: 'q', title: 'Q', result: RESULT }) as { rows: unknown[] };
    expect(json.rows[2]).toEqual({ useragent: 'a, "quoted"\nline', calls: null });
  });
});
