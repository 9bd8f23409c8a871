/**
 * Describes a `JSON.parse` failure without echoing the input: V8 quotes a slice of the
 * text in some messages, and that text is attacker-controlled. Adds the absolute
 * byte offset when V8 reports a position.
 */
export function describeJsonError(error: unknown, text: string, baseOffset: number): string {
  const raw = error instanceof Error ? error.message : String(error);
  const message = raw
    .replace(/, (?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/, ' (not valid JSON)')
    .replace(/[^\x20-\x7e]/g, '?')
    .slice(0, 200);
  const position = /at position (\d+)/.exec(raw);
  if (position === null) return `invalid JSON at byte ${baseOffset}: ${message}`;
  const at = baseOffset + Buffer.byteLength(text.slice(0, Number(position[1])), 'utf8');
  return `invalid JSON at byte ${at}: ${message}`;
}
