import type { QueryResult } from '../engines/types.js';

/**
 * Query results for people (table), spreadsheets (CSV) and machines (JSON).
 * Values are attacker-controlled CloudTrail text: the table shows control
 * characters escaped so an ANSI sequence in a user agent cannot drive the
 * terminal, and CSV defuses cells a spreadsheet would run as a formula.
 */
export const OUTPUT_FORMATS = ['table', 'csv', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface NamedResult {
  readonly query: string;
  readonly title: string;
  readonly result: QueryResult;
}

/** Control characters (C0, DEL, C1) and bidi overrides: an attacker could drive or disguise the terminal with them. */
function isUnsafeForTerminal(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** The value with unsafe characters shown as `\uXXXX` escapes. */
export function escapeForTerminal(value: string): string {
  let out = '';
  for (const c of value) {
    const code = c.codePointAt(0) ?? 0;
    out += isUnsafeForTerminal(code) ? `\\u${code.toString(16).padStart(4, '0')}` : c;
  }
  return out;
}

/** An aligned text table, cells cut to `maxWidth` characters. */
export function formatTable(result: QueryResult, maxWidth = 60): string {
  const header = result.columns.map((c) => c.name);
  const cell = (v: string | null) => {
    const text = v === null ? 'NULL' : escapeForTerminal(v);
    return text.length > maxWidth ? `${text.slice(0, maxWidth - 1)}…` : text;
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

/** RFC 4180 CSV; NULL is an empty cell. */
export function formatCsv(result: QueryResult): string {
  const lines = [
    result.columns.map((c) => csvCell(c.name)),
    ...result.rows.map((r) => r.map(csvCell)),
  ];
  return `${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}

function csvCell(value: string | null): string {
  if (value === null) return '';
  // Spreadsheets run cells starting with = + @ (and tab/CR tricks) as formulas.
  const defused = /^[=+@\t\r]/.test(value) || /^-(?![0-9.]*$)/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) ? `"${defused.replaceAll('"', '""')}"` : defused;
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
