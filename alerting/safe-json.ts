import type { Alert } from './alert.js';

/**
 * Characters JSON.stringify leaves raw that still change how a file or terminal
 * shows text: C1 controls (U+009B is a one-byte CSI), bidi and zero-width
 * formatting, U+2028/9 (line breaks to JavaScript's old parsers and to many
 * "split lines" helpers), and tag characters (as their surrogate halves).
 */
const RAW_BUT_UNSAFE =
  /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|\udb40[\udc00-\udc7f]/g;

/**
 * `JSON.stringify` of an alert with every display-unsafe character written as a
 * `\uXXXX` escape. Parsing gives back exactly the same strings; what changes is
 * that a `cat` of the file or a line splitter cannot be fooled. Building JSON from
 * the object (never by concatenation) is what makes field injection impossible.
 */
export function alertToJson(alert: Alert, indent?: number): string {
  return escapeUnsafeJson(JSON.stringify(alert, null, indent));
}

/** Applies the escaping of {@link alertToJson} to any JSON text. */
export function escapeUnsafeJson(json: string): string {
  return json.replace(RAW_BUT_UNSAFE, (chars) =>
    Array.from({ length: chars.length }, (_, i) => unicodeEscape(chars.charCodeAt(i))).join(''),
  );
}

function unicodeEscape(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}
