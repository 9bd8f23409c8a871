/** What splitting one access-log line gave: its fields, or why it is not one. */
export type TokenizeResult =
  | { readonly ok: true; readonly fields: readonly string[] }
  | { readonly ok: false; readonly reason: string };

/** Field positions (0-based) S3 writes in brackets: the time. */
const BRACKETED = 2;
/** Field positions S3 writes in double quotes: Request-URI, Referer, User-Agent. */
const QUOTED: ReadonlySet<number> = new Set([8, 15, 16]);
/** Unknown trailing fields kept at most: a hostile line cannot grow a record without bound. */
export const MAX_FIELDS = 64;

/**
 * Splits an S3 server access-log line into fields, by position rather than by a
 * regex: the time (field 3) is `[...]` and holds a space; Request-URI, Referer and
 * User-Agent are `"..."` and may hold spaces (`\"` and `\\` inside are read as
 * escapes, defensively: S3 does not document its escaping); every other field runs
 * to the next space. Only those positions get special reading, so a `[` or `"` in
 * any other field is plain data. Runs of spaces count as one separator. Never
 * throws; linear in the line length.
 */
export function tokenizeAccessLogLine(line: string): TokenizeResult {
  const fields: string[] = [];
  const n = line.length;
  let i = 0;
  while (i < n && fields.length < MAX_FIELDS) {
    if (line.charCodeAt(i) === 0x20) {
      i++;
      continue;
    }
    const position = fields.length;
    const open = line[i];
    if (position === BRACKETED && open === '[') {
      const close = line.indexOf(']', i + 1);
      if (close === -1) return fail(`field ${position + 1} (time): no closing ]`);
      fields.push(line.slice(i + 1, close));
      i = close + 1;
    } else if (QUOTED.has(position) && open === '"') {
      const read = readQuoted(line, i + 1);
      if (read === undefined) return fail(`field ${position + 1}: no closing quote`);
      fields.push(read.text);
      i = read.end + 1;
    } else {
      let end = line.indexOf(' ', i);
      if (end === -1) end = n;
      fields.push(line.slice(i, end));
      i = end;
      continue;
    }
    if (i < n && line.charCodeAt(i) !== 0x20) {
      return fail(
        `field ${position + 1}: text right after its closing ${open === '[' ? ']' : '"'}`,
      );
    }
  }
  return { ok: true, fields };
}

/** Reads a quoted field from just after its opening quote; `end` is the closing quote's index. */
function readQuoted(line: string, from: number): { text: string; end: number } | undefined {
  let text = '';
  let start = from;
  for (let i = from; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x22) return { text: text + line.slice(start, i), end: i };
    if (c === 0x5c && i + 1 < line.length) {
      const next = line[i + 1];
      if (next === '"' || next === '\\') {
        text += line.slice(start, i) + next;
        i++;
        start = i + 1;
      }
    }
  }
  return undefined;
}

function fail(reason: string): TokenizeResult {
  return { ok: false, reason };
}
