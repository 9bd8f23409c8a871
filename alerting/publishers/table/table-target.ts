/**
 * How the table should look on a given output: fitted to a terminal, or wide (full
 * values, one tab-separated line per alert) for pipes, files and `grep`.
 */

/** `wide` or `fit` forces a table mode whatever the output is. */
export const TABLE_MODE_ENV = 'TRAILWATCH_TABLE';

/** The width assumed when the output is not a terminal and `COLUMNS` is not set. */
export const DEFAULT_TABLE_COLUMNS = 120;

export interface TableTarget {
  /** Full values, tab-separated, no cut: pipes and files. */
  readonly wide: boolean;
  /** Terminal width in cells, for the fitted table. */
  readonly columns: number;
  /** ANSI colours on the severity: terminals only. */
  readonly color: boolean;
}

/**
 * The table for `stream`: fitted and coloured on a terminal (its width, else
 * `COLUMNS`, else {@link DEFAULT_TABLE_COLUMNS}), wide anywhere else;
 * `TRAILWATCH_TABLE=wide|fit` overrides the choice (other values are ignored).
 */
export function tableTargetFor(
  stream: { readonly isTTY?: boolean; readonly columns?: number },
  env: Readonly<Record<string, string | undefined>> = process.env,
): TableTarget {
  const terminal = Boolean(stream.isTTY);
  const mode = env[TABLE_MODE_ENV]?.trim().toLowerCase();
  const wide = mode === 'wide' || (mode !== 'fit' && !terminal);
  const columns =
    positive(stream.columns) ?? positive(Number(env.COLUMNS)) ?? DEFAULT_TABLE_COLUMNS;
  return { wide, columns, color: terminal };
}

function positive(value: number | undefined): number | undefined {
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : undefined;
}
