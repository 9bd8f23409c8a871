/**
 * Display sanitising for attacker-controlled strings (CloudTrail fields reach
 * terminals, email and chat). Alerts keep the raw data; these functions run at the
 * last step, once per medium. Nothing here throws, whatever the input.
 */

/** Default cap for one displayed value. */
export const DEFAULT_MAX_CHARS = 512;

/** SNS rejects a Subject of 100 characters or more ("less than 100 characters long"). */
export const SNS_SUBJECT_MAX_CHARS = 99;

const FALLBACK_SUBJECT = 'trailwatch alert';

/**
 * Code points that change how text is shown rather than what it says: C0 and C1
 * controls and DEL (ANSI/OSC escapes start with ESC or a C1 byte), bidi controls
 * (U+061C, U+200E/F, U+202A-E, U+2066-9), zero-width and invisible formatting
 * (U+00AD, U+180E, U+200B-D, U+2060-4, U+FEFF), line/paragraph separators
 * (U+2028/9, which JSON.stringify leaves raw), lone surrogates, and Unicode tag
 * characters (U+E0000-E007F, invisible "ASCII smuggling"). The `u` flag makes a
 * lone surrogate match as itself while a valid pair stays one code point.
 */
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u{e0000}-\u{e007f}]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Replaces every invisible or control code point with a visible escape
 * (`\n`, `\u001B`, `\u202E`), so a newline cannot forge a log line, an ANSI or
 * OSC-8 sequence becomes inert text, and a bidi override shows instead of
 * reordering what follows. The escape stays visible on purpose: hiding the attempt
 * would hide evidence.
 */
export function escapeInvisible(value: string): string {
  return value.replace(INVISIBLE, (char) => {
    const named = NAMED_ESCAPES[char];
    if (named) return named;
    const code = char.codePointAt(0) ?? 0;
    const hex = code.toString(16).toUpperCase();
    return code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
  });
}

/**
 * Shortens `value` to at most `maxChars` UTF-16 units including the marker
 * `…[+N chars]` (N = units removed). Never splits a surrogate pair. Data is not
 * otherwise changed: use it on raw values kept as data, and after
 * {@link escapeInvisible} for display.
 */
export function truncate(value: string, maxChars: number = DEFAULT_MAX_CHARS): string {
  const max = Math.max(1, Math.floor(maxChars));
  if (value.length <= max) return value;
  // The marker grows with the number of digits of N; two passes settle it.
  let keep = Math.max(0, max - marker(value.length).length);
  keep = Math.max(0, max - marker(value.length - keep).length);
  if (keep === 0)
    return value
      .slice(0, max - 1)
      .concat('…')
      .slice(0, max);
  const code = value.charCodeAt(keep - 1);
  if (code >= 0xd800 && code <= 0xdbff) keep -= 1;
  return value.slice(0, keep) + marker(value.length - keep);
}

function marker(removed: number): string {
  return `…[+${removed} chars]`;
}

/**
 * One line of plain text for a terminal, a plain-text email body or a log line:
 * invisible characters escaped, then truncated. Non-strings (odd input) are
 * stringified first.
 */
export function displayLine(value: unknown, maxChars: number = DEFAULT_MAX_CHARS): string {
  return truncate(escapeInvisible(asText(value)), maxChars);
}

/**
 * Characters a spreadsheet skips, trims or shows as nothing before a cell's first
 * visible character: whitespace of every kind (non-breaking, ideographic, line
 * breaks) and the invisible set above.
 */
const LEADING_BLANK = new RegExp(`^(?:\\s|${INVISIBLE.source})+`, 'u');
/** A formula start, ASCII or full-width (U+FF1D ＝, U+FF0B ＋, U+FF0D －, U+FF20 ＠): spreadsheets fold the latter. */
const FORMULA_START = /^[=+\-@\uff1d\uff0b\uff0d\uff20]/;
/** A cell starting with a control a spreadsheet reads as a cell or field break. */
const BREAK_START = /^[\t\r\n]/;
/** `-` alone or a negative number: data, not a formula. */
const NEGATIVE_NUMBER = /^-[0-9.]*$/;

/**
 * One spreadsheet (CSV) cell's text: {@link escapeInvisible} as for every other
 * medium, and, after OWASP's CSV-injection guidance, a leading `'` when the value
 * could run as a formula: it starts with tab, CR or LF, or its first character after
 * blanks and invisible characters is `= + - @` or a full-width form of one (a
 * negative number stays as it is). The caller still quotes the cell for CSV.
 */
export function spreadsheetCell(value: unknown): string {
  const text = asText(value);
  const visible = text.replace(LEADING_BLANK, '');
  const formula =
    BREAK_START.test(text) || (FORMULA_START.test(visible) && !NEGATIVE_NUMBER.test(visible));
  return escapeInvisible(formula ? `'${text}` : text);
}

/**
 * An SNS `Subject`: printable ASCII only, one line, collapsed spaces, at most
 * {@link SNS_SUBJECT_MAX_CHARS} characters, starting with a letter, digit or
 * punctuation, and never empty. Accents are folded (é → e); other non-ASCII
 * characters become `?`. Build it from trusted parts; this is the last guard.
 */
export function snsSubject(value: unknown, maxChars: number = SNS_SUBJECT_MAX_CHARS): string {
  const max = Math.max(4, Math.min(Math.floor(maxChars), SNS_SUBJECT_MAX_CHARS));
  const ascii = asText(value)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(INVISIBLE, '')
    .replace(/[^\x20-\x7e]/gu, '?')
    .replace(/ {2,}/g, ' ')
    .trim();
  if (ascii.length === 0) return FALLBACK_SUBJECT;
  return ascii.length <= max ? ascii : `${ascii.slice(0, max - 3).trimEnd()}...`;
}

const MARKDOWN_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
};

/**
 * One line safe inside Markdown (CommonMark, GitHub) and Slack text: `& < >` become
 * entities (Slack's own rule, which also defuses `<!channel>`, `<@U123>` and
 * `<url|text>` links, and HTML such as `<script>`), and Markdown punctuation that
 * can start emphasis, code, links or images is backslash-escaped
 * (`[login](https://evil)` shows as text). Slack's mrkdwn has no backslash escape,
 * so there the backslashes show: ugly but inert. Prefer Slack `plain_text` objects.
 */
export function markdownText(value: unknown, maxChars: number = DEFAULT_MAX_CHARS): string {
  const escaped = escapeInvisible(asText(value))
    .replace(/[\\`*_{}[\]()#+|~]/g, '\\$&')
    .replace(/[&<>]/g, (char) => MARKDOWN_ENTITIES[char] ?? char);
  return truncate(escaped, maxChars);
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  try {
    return typeof value === 'object' ? (JSON.stringify(value) ?? '') : String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
