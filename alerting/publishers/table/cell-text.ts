import stringWidth from 'string-width';

/**
 * Text measured and cut in terminal cells, not UTF-16 units: a CJK character or an
 * emoji takes two cells, a combining mark none. Cuts fall between grapheme
 * clusters, so an accent never loses its letter and a flag never splits.
 *
 * Measure only sanitised text (`escapeInvisible`): raw controls and bidi
 * overrides move the cursor in ways no width function can predict.
 */

/**
 * Marks a cut. East Asian Width "ambiguous": one cell here, as in terminals that
 * treat ambiguous characters as narrow (the default almost everywhere).
 */
export const ELLIPSIS = '…';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * How many UTF-16 units of a value's end {@link takeEnd} looks at: enough for any
 * cell, bounded so a 64 KB value costs no more than a short one.
 */
const TAIL_UNITS_PER_CELL = 16;

/** Cells `text` takes in a terminal. */
export function cellWidth(text: string): number {
  return stringWidth(text);
}

/** Cells `text` takes, counting no further than `limit + 1` (cheap on huge values). */
export function cellWidthUpTo(text: string, limit: number): number {
  if (PRINTABLE_ASCII.test(text)) return Math.min(text.length, limit + 1);
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    used += stringWidth(segment);
    if (used > limit) return limit + 1;
  }
  return used;
}

/** `text` cut from its end to at most `width` cells, the cut marked with {@link ELLIPSIS}. */
export function fitEnd(text: string, width: number): string {
  if (width <= 0) return '';
  if (cellWidthUpTo(text, width) <= width) return text;
  return `${takeStart(text, width - 1)}${ELLIPSIS}`;
}

/** `text` cut from its start to at most `width` cells (account ids differ at their ends). */
export function fitStart(text: string, width: number): string {
  if (width <= 0) return '';
  if (cellWidthUpTo(text, width) <= width) return text;
  return `${ELLIPSIS}${takeEnd(text, width - 1)}`;
}

/**
 * `text` cut from its middle to at most `width` cells: its start and its end stay
 * (the end gets the larger half: names differ most at their ends).
 */
export function fitMiddle(text: string, width: number): string {
  if (width <= 0) return '';
  if (cellWidthUpTo(text, width) <= width) return text;
  const room = width - 1;
  const head = takeStart(text, Math.floor(room / 2));
  return `${head}${ELLIPSIS}${takeEnd(text, room - cellWidth(head))}`;
}

/** `text` followed by spaces up to `width` cells. */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - cellWidth(text)));
}

/** The longest start of `text` that takes at most `cells` cells. */
function takeStart(text: string, cells: number): string {
  if (PRINTABLE_ASCII.test(text)) return text.slice(0, Math.max(0, cells));
  let kept = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const width = stringWidth(segment);
    if (used + width > cells) break;
    kept += segment;
    used += width;
  }
  return kept;
}

/** The longest end of `text` that takes at most `cells` cells. */
function takeEnd(text: string, cells: number): string {
  if (cells <= 0) return '';
  if (PRINTABLE_ASCII.test(text)) return text.slice(Math.max(0, text.length - cells));
  const from = Math.max(0, text.length - (cells + 4) * TAIL_UNITS_PER_CELL);
  const clusters = Array.from(graphemes.segment(text.slice(from)), (s) => s.segment);
  // A window that starts inside the text may start inside a cluster: drop that piece.
  if (from > 0) clusters.shift();
  let kept = '';
  let used = 0;
  for (let i = clusters.length - 1; i >= 0; i -= 1) {
    const segment = clusters[i] ?? '';
    const width = stringWidth(segment);
    if (used + width > cells) break;
    kept = segment + kept;
    used += width;
  }
  return kept;
}
