import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TABLE_COLUMNS,
  tableTargetFor,
} from '../../../../alerting/publishers/table/table-target.js';

describe('tableTargetFor', () => {
  it('fits and colours the table on a terminal, at its width', () => {
    expect(tableTargetFor({ isTTY: true, columns: 93 }, {})).toEqual({
      wide: false,
      columns: 93,
      color: true,
    });
  });

  it('prints wide, uncoloured, into a pipe or a file', () => {
    expect(tableTargetFor({}, {})).toEqual({
      wide: true,
      columns: DEFAULT_TABLE_COLUMNS,
      color: false,
    });
  });

  it('takes the width from COLUMNS when the stream has none, else 120', () => {
    expect(tableTargetFor({ isTTY: true }, { COLUMNS: '150' }).columns).toBe(150);
    expect(tableTargetFor({ isTTY: true }, { COLUMNS: 'wide' }).columns).toBe(120);
    expect(tableTargetFor({ isTTY: true, columns: 0 }, { COLUMNS: '-3' }).columns).toBe(120);
  });

  it('lets TRAILWATCH_TABLE force either mode', () => {
    expect(tableTargetFor({ isTTY: true, columns: 80 }, { TRAILWATCH_TABLE: 'wide' }).wide).toBe(
      true,
    );
    const fitted = tableTargetFor({}, { TRAILWATCH_TABLE: 'FIT', COLUMNS: '100' });
    expect(fitted).toEqual({ wide: false, columns: 100, color: false });
    expect(tableTargetFor({}, { TRAILWATCH_TABLE: 'sideways' }).wide).toBe(true);
  });
});
