import { type Document, isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml';

/** A position in the config text (1-based). */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Finds where a value path (as zod reports it) sits in the parsed document: the
 * key's position when the path ends at a mapping key (that is where the reader
 * looks), the item's position in a list, or the nearest ancestor that exists when
 * the path points at something missing (a required key).
 */
export function locate(
  doc: Document,
  path: readonly PropertyKey[],
  lines: LineCounter,
): Position | undefined {
  let node: unknown = doc.contents;
  let best = offsetOf(node);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(segment));
      if (!pair) break;
      best = offsetOf(pair.key) ?? best;
      node = pair.value;
      continue;
    }
    if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      best = offsetOf(item) ?? best;
      node = item;
      continue;
    }
    break;
  }
  if (best === undefined) return undefined;
  const { line, col } = lines.linePos(best);
  return { line, column: col };
}

/** The text of a plain key; `undefined` for complex keys (`? [a, b]`), which configs never need. */
export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) {
    const value = key.value;
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : value === null
        ? 'null'
        : undefined;
  }
  return undefined;
}

function offsetOf(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return Array.isArray(range) ? range[0] : undefined;
}
