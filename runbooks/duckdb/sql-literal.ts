/** A DuckDB string literal. */
export function duckdbString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * A file path as a DuckDB file-list entry: DuckDB expands glob characters in file
 * names, so `*`, `?` and `[` are escaped as one-character classes and a file
 * named `x*.json` is read as itself, never as a pattern.
 */
export function duckdbFileLiteral(path: string): string {
  return duckdbString(path.replace(/[*?[]/g, (c) => `[${c}]`));
}
