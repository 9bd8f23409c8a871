/** "null", "an array", "a string"...: the JSON type of a value, for error messages. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'missing';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}

/**
 * A short, printable rendering of an attacker-controlled string for messages: quoted,
 * control and non-ASCII characters escaped, cut to `max` characters.
 */
export function quoteForMessage(value: string, max = 80): string {
  const cut = value.length > max ? `${value.slice(0, max)}...` : value;
  return JSON.stringify(cut).replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Whether a value is a JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
