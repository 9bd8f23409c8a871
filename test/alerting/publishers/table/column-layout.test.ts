import { describe, expect, it } from 'vitest';
import {
  type ColumnSpec,
  layoutColumns,
} from '../../../../alerting/publishers/table/column-layout.js';

const GAP = 2;

function used(widths: readonly number[]): number {
  const shown = widths.filter((w) => w > 0);
  return shown.reduce((a, b) => a + b, 0) + GAP * Math.max(0, shown.length - 1);
}

const COLUMNS: readonly ColumnSpec[] = [
  { min: 12, soft: 12, natural: 12, hidePriority: 1 },
  { min: 4, soft: 4, natural: 8 },
  { min: 10, soft: 30, natural: 33, hidePriority: 0 },
  { min: 20, soft: 32, natural: 48 },
  { min: 10, soft: 20, natural: 40, hidePriority: 2 },
  { min: 12, soft: 40, natural: 300 },
];

describe('layoutColumns', () => {
  it.each([60, 80, 100, 120, 160, 200, 400])('uses at most a %i-cell terminal', (total) => {
    const widths = layoutColumns(COLUMNS, total, GAP);

    expect(used(widths)).toBeLessThanOrEqual(total);
    widths.forEach((w, i) => {
      if (w > 0) expect(w).toBeGreaterThanOrEqual(COLUMNS[i]?.min ?? 0);
    });
  });

  it('gives the last column the rest, up to its widest cell', () => {
    expect(used(layoutColumns(COLUMNS, 200, GAP))).toBe(200);
    expect(layoutColumns(COLUMNS, 1000, GAP)).toEqual([12, 8, 33, 48, 40, 300]);
  });

  it('completes a column that lacks a few cells before sharing the rest', () => {
    const widths = layoutColumns(COLUMNS, 200, GAP);

    expect(widths[1]).toBe(8);
  });

  it('hides columns by priority when even their minimums do not fit', () => {
    expect(layoutColumns(COLUMNS, 70, GAP)[4]).toBe(0);
    expect(layoutColumns(COLUMNS, 56, GAP).map((w) => w > 0)).toEqual([
      false,
      true,
      true,
      true,
      false,
      true,
    ]);
  });

  it('shares what is short in proportion to what each column lacks', () => {
    const widths = layoutColumns(COLUMNS, 120, GAP);

    expect(widths[0]).toBe(12);
    // Between its minimum and comfortable widths, like the others.
    expect(widths[2]).toBeGreaterThan(10);
    expect(widths[2]).toBeLessThan(30);
    expect(widths[5]).toBeGreaterThan(12);
  });
});
