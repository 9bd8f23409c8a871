import { parseAccessLogTime } from './time.js';
import { tokenizeAccessLogLine } from './tokenize.js';
import {
  ACCESS_LOG_FIELDS,
  type AccessLogField,
  type AccessLogRecord,
  MIN_ACCESS_LOG_FIELDS,
} from './types.js';

/** One line read: a record, or the reason it is not one (for the error report). */
export type ParsedAccessLogLine =
  | { readonly ok: true; readonly record: AccessLogRecord }
  | { readonly ok: false; readonly reason: string };

const NUMERIC: ReadonlySet<AccessLogField> = new Set([
  'httpStatus',
  'bytesSent',
  'objectSize',
  'totalTime',
  'turnAroundTime',
]);

/** Up to 15 digits: every value stays an exact integer (a 5 TB object has 13). */
const DIGITS = /^\d{1,15}$/;
const HTTP_STATUS = /^\d{3}$/;

/**
 * Parses one S3 server access-log line (trailing `\r` ignored). Needs the first
 * {@link MIN_ACCESS_LOG_FIELDS} fields and a real time; later fields may be missing
 * (older lines) and unknown trailing ones are kept in `extraFields`. Numbers are
 * checked here; the fields after the user agent were checked by the tokenizer,
 * which places them by their shapes (S3 does not escape quotes in the user agent).
 * Never throws.
 */
export function parseAccessLogLine(line: string): ParsedAccessLogLine {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  const tokens = tokenizeAccessLogLine(text);
  if (!tokens.ok) return tokens;
  const { fields } = tokens;
  if (fields.length < MIN_ACCESS_LOG_FIELDS) {
    return fail(
      `${fields.length} fields, expected at least ${MIN_ACCESS_LOG_FIELDS} (bucket owner through version id)`,
    );
  }
  const time = parseAccessLogTime(fields[2] as string);
  if (time === undefined) return fail(`field 3 (time) is not [dd/Mon/yyyy:HH:mm:ss ±hhmm]`);
  const bucket = absentAsNull(fields[1] as string);
  if (bucket === null) return fail('field 2 (bucket) is absent');

  const values: Record<string, string | number | null> = {};
  for (let i = 0; i < ACCESS_LOG_FIELDS.length; i++) {
    const name = ACCESS_LOG_FIELDS[i] as AccessLogField;
    const raw = fields[i];
    const value = raw === undefined ? null : absentAsNull(raw);
    if (value === null || !NUMERIC.has(name)) {
      values[name] = value;
      continue;
    }
    if (!(name === 'httpStatus' ? HTTP_STATUS : DIGITS).test(value)) {
      return fail(`field ${i + 1} (${name}) is not a number`);
    }
    values[name] = Number(value);
  }
  return {
    ok: true,
    record: {
      ...(values as Omit<AccessLogRecord, 'bucket' | 'time' | 'fieldCount' | 'extraFields'>),
      bucket,
      time,
      fieldCount: Math.min(fields.length, ACCESS_LOG_FIELDS.length),
      extraFields: fields.slice(ACCESS_LOG_FIELDS.length),
    },
  };
}

/** `-` (or an empty quoted field) is S3's "absent". */
function absentAsNull(value: string): string | null {
  return value === '-' || value === '' ? null : value;
}

function fail(reason: string): ParsedAccessLogLine {
  return { ok: false, reason };
}
