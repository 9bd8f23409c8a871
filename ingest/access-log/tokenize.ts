import { FIELDS_AFTER_USER_AGENT, fitsTailField } from './tail-shapes.js';

/** What splitting one access-log line gave: its fields, or why it is not one. */
export type TokenizeResult =
  | { readonly ok: true; readonly fields: readonly string[] }
  | { readonly ok: false; readonly reason: string };

/** Unknown trailing fields kept at most: a hostile line cannot grow a record without bound. */
export const MAX_FIELDS = 64;

const SPACE = 0x20;
const QUOTE = 0x22;
const OPEN_BRACKET = 0x5b;
/** 0-based positions of the fields that get special reading. */
const TIME = 2;
const REQUEST_URI = 8;
const REFERER = 15;
/** Status, error code, bytes sent, object size, total time, turn-around time. */
const FIELDS_BETWEEN_URI_AND_REFERER = REFERER - REQUEST_URI - 1;
/** 1-based number of the first field after the user agent, for messages. */
const FIRST_TAIL_FIELD = REFERER + 3;

/** A field read: its text and the index just past it. */
interface Read {
  readonly value: string;
  readonly end: number;
}

/**
 * Splits an S3 server access-log line into fields, by position rather than by a
 * regex. S3 does not escape `"` inside the quoted fields (Request-URI, Referer,
 * User-Agent), so a quote there proves nothing; each quoted field is closed by
 * what must follow it instead:
 * - fields 1–8 are unquoted tokens, except the `[...]` time (field 3);
 * - the Request-URI closes at the first `"` followed by six quote-free tokens
 *   (status through turn-around time) and then the referer;
 * - the User-Agent closes at the LAST `"` followed by fields of the shapes S3
 *   writes after it ({@link FIELDS_AFTER_USER_AGENT}): S3's own tail never holds
 *   a quote, so text inside the user agent that imitates the tail comes earlier
 *   and loses; fields past the known ones may be anything (S3 appends fields);
 * - Referer and User-Agent are split at the first `" "` between them: a real
 *   referer is a URL, which cannot hold a raw quote, so extra `" "` most likely
 *   belong to the user agent.
 * Every field outside the three quoted ones is therefore always in place, whatever
 * a client sends. `-` (unquoted) is accepted for the Request-URI, and for the
 * Referer (then also for the User-Agent). Runs of spaces count as one separator.
 * Never throws; linear in the line length (each token is examined by at most the
 * ~11 quote candidates just before it).
 */
export function tokenizeAccessLogLine(line: string): TokenizeResult {
  const fields: string[] = [];
  let i = 0;
  while (fields.length < REFERER) {
    i = skipSpaces(line, i);
    if (i >= line.length) return { ok: true, fields };
    const position = fields.length;
    const opener = line.charCodeAt(i);
    let read: Read | string;
    if (position === TIME && opener === OPEN_BRACKET) read = readTime(line, i);
    else if (position === REQUEST_URI && opener === QUOTE) read = readRequestUri(line, i);
    else read = readPlain(line, i);
    if (typeof read === 'string') return fail(read);
    fields.push(read.value);
    i = read.end;
  }
  i = skipSpaces(line, i);
  if (i >= line.length) return { ok: true, fields };
  const quoted = readRefererAndUserAgent(line, i);
  if (typeof quoted === 'string') return fail(quoted);
  fields.push(...quoted.values);
  i = quoted.end;
  while (fields.length < MAX_FIELDS) {
    i = skipSpaces(line, i);
    if (i >= line.length) break;
    const read = readPlain(line, i);
    fields.push(read.value);
    i = read.end;
  }
  return { ok: true, fields };
}

function readTime(line: string, open: number): Read | string {
  const close = line.indexOf(']', open + 1);
  if (close === -1) return 'field 3 (time): no closing ]';
  if (close + 1 < line.length && line.charCodeAt(close + 1) !== SPACE) {
    return 'field 3 (time): text right after its closing ]';
  }
  return { value: line.slice(open + 1, close), end: close + 1 };
}

function readRequestUri(line: string, open: number): Read | string {
  for (let q = line.indexOf('"', open + 1); q !== -1; q = line.indexOf('"', q + 1)) {
    if (!endsToken(line, q)) continue;
    if (countsThenReferer(line, q + 1)) return { value: line.slice(open + 1, q), end: q + 1 };
  }
  return 'field 9 (request URI): no closing quote followed by the status, error code, sizes and times';
}

/** Whether six quote-free tokens and then a referer (quoted or `-`) follow `at`. */
function countsThenReferer(line: string, at: number): boolean {
  let i = at;
  for (let k = 0; k < FIELDS_BETWEEN_URI_AND_REFERER; k++) {
    i = skipSpaces(line, i);
    // A line that stops here is short: the field count reports it, not the quote.
    if (i >= line.length) return true;
    const end = plainEnd(line, i);
    if (hasQuote(line, i, end)) return false;
    i = end;
  }
  i = skipSpaces(line, i);
  return i >= line.length || line.charCodeAt(i) === QUOTE || isBareDash(line, i);
}

/** Referer and User-Agent from `at`: one value if the line stops after the referer. */
function readRefererAndUserAgent(
  line: string,
  at: number,
): { values: string[]; end: number } | string {
  if (isBareDash(line, at)) {
    const u = skipSpaces(line, at + 1);
    if (u >= line.length) return { values: ['-'], end: u };
    if (isBareDash(line, u)) {
      const problem = tailProblem(line, u + 1);
      return problem
        ? `fields after the user agent: ${problem}`
        : { values: ['-', '-'], end: u + 1 };
    }
    if (line.charCodeAt(u) !== QUOTE) return 'field 17 (user agent) is neither quoted nor -';
    const close = userAgentClose(line, u + 1);
    if (typeof close === 'string') return close;
    return { values: ['-', line.slice(u + 1, close)], end: close + 1 };
  }
  if (line.charCodeAt(at) !== QUOTE) return 'field 16 (referer) is neither quoted nor -';
  const close = userAgentClose(line, at + 1);
  if (typeof close === 'string') return close;
  const split = firstSeparator(line, at + 1, close);
  if (split === undefined) {
    // One quoted field and nothing after it: the line stops after the referer.
    if (skipSpaces(line, close + 1) >= line.length) {
      return { values: [line.slice(at + 1, close)], end: close + 1 };
    }
    return 'fields 16-17 (referer, user agent): expected two quoted fields';
  }
  return {
    values: [line.slice(at + 1, split.refererEnd), line.slice(split.userAgentStart, close)],
    end: close + 1,
  };
}

/**
 * The user agent's closing quote: the last `"` (from `from` on) that ends a token
 * and is followed by fields of the shapes S3 writes there. A quote that ends the
 * line (a line without the later fields) counts only when no other quote fits.
 */
function userAgentClose(line: string, from: number): number | string {
  let endsLine = -1;
  let problem: string | undefined;
  for (let q = line.lastIndexOf('"'); q >= from; q = line.lastIndexOf('"', q - 1)) {
    if (!endsToken(line, q)) continue;
    if (skipSpaces(line, q + 1) >= line.length) {
      endsLine = q;
      continue;
    }
    const found = tailProblem(line, q + 1);
    if (found === undefined) return q;
    // The last candidate is the most likely real end: its mismatch is the one to report.
    problem ??= found;
  }
  if (endsLine !== -1) return endsLine;
  return `field 17 (user agent): no closing quote followed by the fields S3 writes after it${problem ? ` (${problem})` : ''}`;
}

/** Why the fields from `at` cannot be the ones S3 writes after the user agent, if they cannot. */
function tailProblem(line: string, at: number): string | undefined {
  let i = at;
  for (let k = 0; k < FIELDS_AFTER_USER_AGENT.length; k++) {
    i = skipSpaces(line, i);
    if (i >= line.length) return undefined;
    const end = plainEnd(line, i);
    if (!fitsTailField(k, line.slice(i, end))) {
      const name = FIELDS_AFTER_USER_AGENT[k]?.name;
      return `field ${FIRST_TAIL_FIELD + k} (${name}) has an unexpected value`;
    }
    i = end;
  }
  return undefined;
}

/** The first `"`, spaces, `"` strictly inside (from, close): where the referer ends and the user agent starts. */
function firstSeparator(
  line: string,
  from: number,
  close: number,
): { refererEnd: number; userAgentStart: number } | undefined {
  for (let q = line.indexOf('"', from); q !== -1 && q < close; q = line.indexOf('"', q + 1)) {
    let j = q + 1;
    while (j < close && line.charCodeAt(j) === SPACE) j++;
    if (j > q + 1 && j < close && line.charCodeAt(j) === QUOTE) {
      return { refererEnd: q, userAgentStart: j + 1 };
    }
  }
  return undefined;
}

function readPlain(line: string, at: number): Read {
  const end = plainEnd(line, at);
  return { value: line.slice(at, end), end };
}

function plainEnd(line: string, at: number): number {
  const end = line.indexOf(' ', at);
  return end === -1 ? line.length : end;
}

function skipSpaces(line: string, at: number): number {
  let i = at;
  while (i < line.length && line.charCodeAt(i) === SPACE) i++;
  return i;
}

/** Whether the quote at `q` is the last character of its token. */
function endsToken(line: string, q: number): boolean {
  return q + 1 >= line.length || line.charCodeAt(q + 1) === SPACE;
}

function isBareDash(line: string, at: number): boolean {
  return line[at] === '-' && endsToken(line, at);
}

function hasQuote(line: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (line.charCodeAt(i) === QUOTE) return true;
  return false;
}

function fail(reason: string): TokenizeResult {
  return { ok: false, reason };
}
