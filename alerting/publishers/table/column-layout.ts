/**
 * Column widths for a terminal `total` cells wide. Every column has a least useful
 * width, a comfortable one and the width of its widest cell; the last column (the
 * summary) takes whatever the others leave. Pure arithmetic, no text.
 */

export interface ColumnSpec {
  /** Below this the column says nothing useful; columns are hidden rather than squeezed under it. */
  readonly min: number;
  /** What it gets before any column grows past its own comfortable width. */
  readonly soft: number;
  /** Its widest cell (capped by the caller): it never grows past this. */
  readonly natural: number;
  /** Hidden first when even minimum widths do not fit; higher goes first. Absent: never. */
  readonly hidePriority?: number;
}

/**
 * Widths, in cells, for `columns` separated by `gap` cells, the last one filling
 * up; 0 means hidden. Steps: hide what cannot fit at its minimum, then bring every
 * column to its comfortable width, then every column but the last to its widest
 * cell: first those that lack only a few cells (a whole `CRITICAL` or account id
 * is worth more than one more cell of each), then the others in proportion to
 * what each lacks; the last column gets the rest. When the terminal is too narrow for even the kept minimums, the
 * widths still add up to the minimums: the caller cuts the line.
 */
/** A column this close to its widest cell is completed before the others grow. */
const NEARLY_COMPLETE = 8;

export function layoutColumns(
  columns: readonly ColumnSpec[],
  total: number,
  gap: number,
): number[] {
  const shown = columns.map(() => true);
  const used = () =>
    columns.reduce((sum, c, i) => sum + (shown[i] ? c.min : 0), 0) +
    gap * Math.max(0, shown.filter(Boolean).length - 1);
  const hideOrder = columns
    .map((c, i) => ({ i, priority: c.hidePriority }))
    .filter((c): c is { i: number; priority: number } => c.priority !== undefined)
    .sort((a, b) => b.priority - a.priority);
  for (const { i } of hideOrder) {
    if (used() <= total) break;
    shown[i] = false;
  }

  const widths = columns.map((c, i) => (shown[i] ? c.min : 0));
  let budget = total - used();
  const last = columns.length - 1;
  budget -= grow(widths, budget, (i) => (shown[i] ? Math.min(columns[i]?.soft ?? 0, cap(i)) : 0));
  const toWidest = (i: number) => (shown[i] && i !== last ? cap(i) : 0);
  budget -= completeSmallestFirst(widths, budget, toWidest, NEARLY_COMPLETE);
  budget -= grow(widths, budget, toWidest);
  if (shown[last] && budget > 0) widths[last] = Math.min(cap(last), (widths[last] ?? 0) + budget);
  return widths;

  function cap(i: number): number {
    const c = columns[i];
    return c ? Math.max(c.min, c.natural) : 0;
  }
}

/**
 * Raises `widths` toward `target(i)` with at most `budget` cells, in proportion to
 * what each lacks (leftover cells go left to right). Returns the cells spent.
 */
function grow(widths: number[], budget: number, target: (i: number) => number): number {
  if (budget <= 0) return 0;
  const lack = widths.map((w, i) => Math.max(0, target(i) - w));
  const wanted = lack.reduce((a, b) => a + b, 0);
  if (wanted === 0) return 0;
  if (wanted <= budget) {
    lack.forEach((l, i) => {
      widths[i] = (widths[i] ?? 0) + l;
    });
    return wanted;
  }
  const given = lack.map((l) => Math.floor((l * budget) / wanted));
  let left = budget - given.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0 && i < lack.length; i += 1) {
    if ((given[i] ?? 0) < (lack[i] ?? 0)) {
      given[i] = (given[i] ?? 0) + 1;
      left -= 1;
    }
  }
  given.forEach((g, i) => {
    widths[i] = (widths[i] ?? 0) + g;
  });
  return budget;
}

/**
 * Raises to `target(i)` the columns lacking at most `most` cells, the one lacking
 * least first, as long as the budget covers a whole one. Returns the cells spent.
 */
function completeSmallestFirst(
  widths: number[],
  budget: number,
  target: (i: number) => number,
  most: number,
): number {
  const order = widths
    .map((w, i) => ({ i, lack: Math.max(0, target(i) - w) }))
    .filter((c) => c.lack > 0 && c.lack <= most)
    .sort((a, b) => a.lack - b.lack || a.i - b.i);
  let spent = 0;
  for (const { i, lack } of order) {
    if (spent + lack > budget) break;
    widths[i] = (widths[i] ?? 0) + lack;
    spent += lack;
  }
  return spent;
}
