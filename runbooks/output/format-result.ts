import type { QueryResult } from '../engines/types.js';

/**
 * Query results for people (table), spreadsheets (CSV) and machines (JSON).
 * Values are attacker-controlled CloudTrail text: every format neutralises them
 * through the {@link TextSafety} the caller passes (the table and CSV show control,
 * bidi and invisible characters as escapes, CSV also defuses formulas, JSON keeps the
 * data and writes those characters as `\u` escapes).
 */
export const OUTPUT_FORMATS = ['table', 'csv', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface NamedResult {
  readonly query: string;
  readonly title: string;
  readonly result: QueryResult;
}

/**
 * How attacker-controlled values are made safe in each format. runbooks/ cannot
 * import alerting/ (alerting depends on runbooks), so the caller passes alerting's
 * sanitiser (`TEXT_SAFETY` in alerting/text-safety.ts) and query results are
 * neutralised by the very code that neutralises alerts: one sanitiser, no copy.
 */
export interface TextSafety {
  /** One terminal line: control, bidi and invisible characters as visible escapes. */
  readonly line: (value: string) => string;
  /** One spreadsheet cell: as `line`, and a value that could run as a formula defused. */
  readonly spreadsheetCell: (value: string) => string;
  /** JSON text with the characters `JSON.stringify` leaves raw (C1, bidi, zero-width) as `\u` escapes. */
  readonly json: (text: string) => string;
}

/** An aligned text table, cells cut to `maxWidth` characters. */
export function formatTable(result: QueryResult, safety: TextSafety, maxWidth = 60): string {
  const header = result.columns.map((c) => safety.line(c.name));
  const cell = (v: string | null) => {
    const text = v === null ? 'NULL' : safety.line(v);
    return text.length > maxWidth ? `${cutAt(text, maxWidth - 1)}…` : text;
  };
  const body = result.rows.map((row) => row.map(cell));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return `${[line(header), rule, ...body.map(line)].join('\n')}\n`;
}

/** The first `length` UTF-16 units of `text`, one fewer rather than half a surrogate pair. */
function cutAt(text: string, length: number): string {
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}

/** RFC 4180 CSV; NULL is an empty cell. */
export function formatCsv(result: QueryResult, safety: TextSafety): string {
  const cell = (value: string | null) => csvCell(value, safety);
  const lines = [result.columns.map((c) => cell(c.name)), ...result.rows.map((r) => r.map(cell))];
  return `${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}

function csvCell(value: string | null, safety: TextSafety): string {
  if (value === null) return '';
  const text = safety.spreadsheetCell(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A JSON document, indented, with every value's text kept exactly but unsafe characters escaped. */
export function formatJson(document: unknown, safety: TextSafety): string {
  return `${safety.json(JSON.stringify(document, null, 2))}\n`;
}

/** One JSON object per query result; rows as objects keyed by column name. */
export function resultAsJson(named: NamedResult): unknown {
  const { columns, rows, stats } = named.result;
  return {
    query: named.query,
    title: named.title,
    columns,
    rows: rows.map((row) => Object.fromEntries(columns.map((c, i) => [c.name, row[i] ?? null]))),
    stats,
  };
}
