import { describe, expect, it } from 'vitest';
import {
  cellWidth,
  cellWidthUpTo,
  fitEnd,
  fitMiddle,
  fitStart,
  padEnd,
} from '../../../../alerting/publishers/table/cell-text.js';

const FLAG = '🇫🇷';
const FAMILY = '👩‍👩‍👧';
const E_ACUTE = 'e\u0301';

describe('cell text', () => {
  it.each([
    ['ascii', 'abc', 3],
    ['CJK characters take two cells', '山田太郎', 8],
    ['full-width forms take two cells', 'ＡＢ', 4],
    ['an emoji takes two cells', '🚨', 2],
    ['a flag is one emoji', FLAG, 2],
    ['a ZWJ family is one emoji', FAMILY, 2],
    ['combining marks take none', `${E_ACUTE}${E_ACUTE}`, 2],
    ['a variation selector takes none', 'x\ufe0e', 1],
  ])('measures %s', (_name, text, cells) => {
    expect(cellWidth(text)).toBe(cells);
  });

  it('stops counting past the limit', () => {
    expect(cellWidthUpTo('山'.repeat(100_000), 10)).toBe(11);
    expect(cellWidthUpTo('abc', 10)).toBe(3);
  });

  it('cuts from the end in cells, never inside a character', () => {
    expect(fitEnd('abcdef', 4)).toBe('abc…');
    expect(fitEnd('山田太郎', 6)).toBe('山田…');
    // Five cells left for text: a wide character that would need a sixth stays out.
    expect(fitEnd('山田太郎', 5)).toBe('山田…');
    expect(fitEnd(`${FLAG}${FLAG}${FLAG}`, 5)).toBe(`${FLAG}${FLAG}…`);
    expect(fitEnd(`${E_ACUTE.repeat(5)}`, 3)).toBe(`${E_ACUTE}${E_ACUTE}…`);
    expect(fitEnd('abc', 3)).toBe('abc');
    expect(fitEnd('abc', 0)).toBe('');
  });

  it('cuts from the middle keeping both ends', () => {
    expect(fitMiddle('alice@example.com', 11)).toBe('alice…e.com');
    expect(fitMiddle(`${FAMILY}abcdefgh${FAMILY}`, 7)).toBe(`${FAMILY}a…h${FAMILY}`);
    expect(fitMiddle('short', 10)).toBe('short');
  });

  it('cuts from the start keeping the end', () => {
    expect(fitStart('111122223333', 5)).toBe('…3333');
    expect(fitStart('111122223333', 12)).toBe('111122223333');
  });

  it('keeps every cut within its width for long mixed text', () => {
    const text = `${'a山🚨'.repeat(20_000)}${E_ACUTE}`;
    for (let width = 1; width <= 40; width += 1) {
      expect(cellWidth(fitEnd(text, width))).toBeLessThanOrEqual(width);
      expect(cellWidth(fitMiddle(text, width))).toBeLessThanOrEqual(width);
      expect(cellWidth(fitStart(text, width))).toBeLessThanOrEqual(width);
    }
  });

  it('pads in cells', () => {
    expect(padEnd('山田', 6)).toBe('山田  ');
    expect(padEnd(E_ACUTE, 3)).toBe(`${E_ACUTE}  `);
  });
});
