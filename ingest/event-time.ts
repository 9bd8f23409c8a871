import { quoteForMessage } from './describe.js';

/**
 * The instants a record's `eventTime` may name. Everything downstream (windows,
 * first-seen learning, TTLs, investigation time ranges) does arithmetic on it, so a
 * record dated at the edge of JavaScript's range, or in 2099, is refused here rather
 * than trusted: a forged future date would otherwise start a learning period that
 * never ends, or overflow a window end into an exception.
 */
export interface EventTimeRange {
  /** Epoch ms; earlier instants are refused. */
  readonly earliest: number;
  /** Epoch ms; later instants are refused. */
  readonly latest: number;
}

/**
 * CloudTrail started in 2013; AWS itself in 2006. A record older than 2005 is not a
 * CloudTrail record, whatever it says.
 */
export const EARLIEST_EVENT_TIME = Date.UTC(2005, 0, 1);

/**
 * How far past the reading clock an event may be dated. CloudTrail stamps events
 * with AWS's clock and delivers them minutes later; a day covers a skewed local
 * clock (or one set to another time zone by mistake) without letting a forged
 * record reach much into the future.
 */
export const EVENT_TIME_SKEW_MS = 24 * 3600 * 1000;

/** The accepted range as seen from `now` (epoch ms, the reading clock). */
export function eventTimeRange(now: number): EventTimeRange {
  const latest = Number.isFinite(now) ? now + EVENT_TIME_SKEW_MS : Number.POSITIVE_INFINITY;
  return { earliest: EARLIEST_EVENT_TIME, latest };
}

/**
 * Why `value` cannot serve as a record's event time, or undefined when it can: a real
 * RFC 3339 date-time (the ISO-8601 profile CloudTrail writes, `2026-11-20T10:00:00Z`)
 * within `range`. See {@link parseInstant} for what is read as one.
 */
export function eventTimeProblem(value: string, range: EventTimeRange): string | undefined {
  const time = parseInstant(value);
  if (Number.isNaN(time)) {
    return `eventTime ${quoteForMessage(value, 40)} is not an ISO-8601 date-time as CloudTrail writes it (four-digit year, explicit offset: e.g. 2026-11-20T10:00:00Z)`;
  }
  if (time < range.earliest) {
    return `eventTime ${value} is before ${isoDay(range.earliest)}: CloudTrail did not exist then (a forged or corrupted record)`;
  }
  if (time > range.latest) {
    return `eventTime ${value} is later than ${iso(range.latest)} (the reading clock plus ${EVENT_TIME_SKEW_MS / 3_600_000} hours): a forged record, or this machine's clock is wrong`;
  }
  return undefined;
}

/**
 * Epoch ms of an RFC 3339 date-time, or NaN: `YYYY-MM-DDTHH:MM:SS`, an optional
 * fraction of 1 to 9 digits, then `Z` or `±HH:MM` (a time without an offset would be
 * read in the reader's time zone). Only real instants: no 30 February, no hour 24, no
 * leap second (`Date.parse` rolls the first over and refuses the last), and a
 * four-digit year, so nothing near the ends of `Date`'s range. Read by hand rather
 * than by a regular expression and `Date.parse`: it runs on every record read, and
 * this is several times cheaper.
 */
export function parseInstant(value: string): number {
  const n = value.length;
  if (n < 20 || n > 35) return Number.NaN;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  const hour = digits(value, 11, 2);
  const minute = digits(value, 14, 2);
  const second = digits(value, 17, 2);
  if (
    value.charCodeAt(4) !== DASH ||
    value.charCodeAt(7) !== DASH ||
    (value.charCodeAt(10) | 0x20) !== LOWER_T ||
    value.charCodeAt(13) !== COLON ||
    value.charCodeAt(16) !== COLON ||
    !(month >= 1 && month <= 12) ||
    !(day >= 1 && day <= daysIn(year, month)) ||
    !(hour <= 23 && minute <= 59 && second <= 59)
  ) {
    return Number.NaN;
  }
  let at = 19;
  let millis = 0;
  if (value.charCodeAt(at) === DOT) {
    const from = ++at;
    while (at < n && isDigit(value.charCodeAt(at))) at++;
    const count = at - from;
    if (count < 1 || count > 9) return Number.NaN;
    millis = digits(value, from, Math.min(count, 3)) * 10 ** (3 - Math.min(count, 3));
  }
  let offsetMinutes = 0;
  const zone = value.charCodeAt(at);
  if ((zone | 0x20) === LOWER_Z) {
    if (at + 1 !== n) return Number.NaN;
  } else if (zone === PLUS || zone === MINUS) {
    const hours = digits(value, at + 1, 2);
    const minutes = digits(value, at + 4, 2);
    if (at + 6 !== n || value.charCodeAt(at + 3) !== COLON || !(hours <= 23 && minutes <= 59)) {
      return Number.NaN;
    }
    offsetMinutes = (zone === PLUS ? 1 : -1) * (hours * 60 + minutes);
  } else {
    return Number.NaN;
  }
  const days = daysFromCivil(year, month, day);
  return (
    days * DAY_MS + hour * 3_600_000 + (minute - offsetMinutes) * 60_000 + second * 1000 + millis
  );
}

const DASH = 0x2d;
const COLON = 0x3a;
const DOT = 0x2e;
const PLUS = 0x2b;
const MINUS = 0x2d;
const LOWER_T = 0x74;
const LOWER_Z = 0x7a;
const DAY_MS = 86_400_000;

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** The number written by `count` ASCII digits at `at`, or NaN if any is not one. */
function digits(value: string, at: number, count: number): number {
  let result = 0;
  for (let i = at; i < at + count; i++) {
    const code = value.charCodeAt(i);
    if (!isDigit(code)) return Number.NaN;
    result = result * 10 + (code - 0x30);
  }
  return result;
}

function daysIn(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function isoDay(time: number): string {
  return iso(time).slice(0, 10);
}

/** The range bounds are finite and sane, but a message must never throw. */
function iso(time: number): string {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? String(time) : date.toISOString();
}
