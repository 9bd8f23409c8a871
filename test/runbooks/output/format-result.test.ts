import { describe, expect, it } from 'vitest';
import { TEXT_SAFETY } from '../../../alerting/text-safety.js';
import type { QueryResult } from '../../../runbooks/engines/types.js';
import {
  formatCsv,
  formatJson,
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

/** One column of attacker-chosen values (a user agent, a role session name). */
function column(...values: string[]): QueryResult {
  return {
    columns: [{ name: 'v', type: 'varchar' }],
    rows: values.map((v) => [v]),
    stats: { engine: 'athena', elapsedMs: 1 },
  };
}

/** The CSV cells of a one-column result, header dropped, RFC 4180 quoting undone. */
function csvCells(result: QueryResult): string[] {
  return formatCsv(result, TEXT_SAFETY)
    .split('\r\n')
    .slice(1, -1)
    .map((cell) => (cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell));
}

/** Characters that change how text shows without being seen: no output may hold them raw. */
const INVISIBLE_OR_CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

const HIDDEN = {
  zeroWidth: 'ad\u200bmin\u2060',
  bidi: 'invoice\u202egpj.exe\u2066x\u2069',
  c1: 'a\u0085b\u009b31mc',
  softHyphenAndBom: '\u00adroot\ufeff',
  lineSeparator: 'a\u2028b',
};

describe('formatTable', () => {
  it('escapes terminal control and bidi characters', () => {
    const table = formatTable(RESULT, TEXT_SAFETY);

    expect(table).not.toContain('\u001b');
    expect(table).toContain('\\u001B[2J\\u001B[31mred');
    expect(table.split('\n')[0]).toBe(`${'useragent'.padEnd(25)}  calls`);
    expect(table).toContain('NULL');
  });

  it.each(Object.entries(HIDDEN))('shows %s characters as visible escapes', (_name, value) => {
    const table = formatTable(column(value), TEXT_SAFETY);

    expect(table).not.toMatch(INVISIBLE_OR_CONTROL);
    expect(table).toMatch(/\\u[0-9A-F]{4}/);
  });

  it('cuts long cells in the table only, never inside a surrogate pair', () => {
    const long: QueryResult = { ...RESULT, rows: [['x'.repeat(100), '1']] };
    expect(formatTable(long, TEXT_SAFETY, 10)).toContain(`${'x'.repeat(9)}…`);
    expect(formatCsv(long, TEXT_SAFETY)).toContain('x'.repeat(100));

    const emoji = formatTable(column(`${'x'.repeat(8)}🔥🔥`), TEXT_SAFETY, 10);
    expect(emoji).toContain(`${'x'.repeat(8)}…`);
    expect(emoji).not.toMatch(/[\ud800-\udfff]/);
  });
});

describe('formatCsv', () => {
  it('writes RFC 4180 CSV, escapes controls and defuses formula cells', () => {
    expect(formatCsv(RESULT, TEXT_SAFETY)).toBe(
      [
        'useragent,calls',
        '\\u001B[2J\\u001B[31mred,3',
        `"'=HYPERLINK(""http://evil"")",1`,
        '"a, ""quoted""\\nline",',
        '-,-1',
        '',
      ].join('\r\n'),
    );
  });

  it.each([
    ['a leading space', ' =HYPERLINK("http://evil")'],
    ['leading spaces before +', '   +1+cmd|calc'],
    ['a non-breaking space', '\u00a0=1+1'],
    ['an ideographic space', '\u3000@SUM(A1)'],
    ['a zero-width space', '\u200b=1+1'],
    ['a bidi mark', '\u200e-2+3'],
    ['a full-width equals sign', '\uff1dHYPERLINK("http://evil")'],
    ['a full-width plus sign', '\uff0b1+1'],
    ['a full-width minus sign', '\uff0d1+1'],
    ['a full-width at sign', '\uff20SUM(A1)'],
    ['a leading newline', '\n=1+1'],
    ['a leading tab', '\tcmd'],
    ['a leading carriage return', '\r=1+1'],
    ['a plain minus formula', '-1+1'],
    ['an at sign', '@SUM(A1)'],
  ])('defuses a formula hidden behind %s', (_name, value) => {
    const [cell] = csvCells(column(value));

    expect(cell?.startsWith("'")).toBe(true);
    expect(cell).not.toMatch(INVISIBLE_OR_CONTROL);
  });

  it.each([['-'], ['-1'], ['-12.5'], ['user@example.com'], ['a=b'], [' plain'], ['']])(
    'leaves %j alone',
    (value) => {
      expect(csvCells(column(value))).toEqual([value]);
    },
  );

  it.each(Object.entries(HIDDEN))('shows %s characters as visible escapes', (_name, value) => {
    const csv = formatCsv(column(value), TEXT_SAFETY);

    expect(csv.replaceAll('\r\n', '')).not.toMatch(INVISIBLE_OR_CONTROL);
    expect(csv).toMatch(/\\u[0-9A-F]{4}/);
  });
});

describe('formatJson', () => {
  const hostile = column(...Object.values(HIDDEN), '\u001b[31m', '\uff1d1+1', 'x\u{e0041}');
  const document = { results: [resultAsJson({ query: 'q', title: 'Q', result: hostile })] };

  it('keeps every value exactly while writing invisible and bidi characters as \\u escapes', () => {
    const json = formatJson(document, TEXT_SAFETY);

    expect(JSON.parse(json)).toEqual(document);
    expect(json).not.toMatch(INVISIBLE_OR_CONTROL);
    expect(json).not.toMatch(/[\u{e0000}-\u{e007f}]/u);
    expect(json).toContain('invoice\\u202egpj.exe\\u2066x\\u2069');
    expect(json).toContain('a\\u0085b\\u009b31mc');
  });

  it('keys rows by column name, NULL as null', () => {
    const json = resultAsJson({ query: 'q', title: 'Q', result: RESULT }) as { rows: unknown[] };
    expect(json.rows[2]).toEqual({ useragent: 'a, "quoted"\nline', calls: null });
  });
});
