import { isIP } from 'node:net';
import { ParamError } from './errors.js';

/**
 * Investigation parameters: the values an alert (or a person) fills into runbook
 * queries. Every value passes an allow-pattern for its type before it reaches an
 * engine, so a hostile CloudTrail field (a user agent, a bucket name in a failed
 * call) is refused here rather than escaped later. Binding (DuckDB) and literal
 * quoting (Athena) are the second line of defence, not the first.
 */

/** Parameters that narrow a query to the alert's subject. */
export const FILTER_PARAMS = [
  'principal',
  'accessKeyId',
  'sourceIp',
  'bucket',
  'functionName',
  'account',
  'region',
] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

/** Parameters a person or alert gives: the filters plus the time window. */
export const INPUT_PARAMS = [...FILTER_PARAMS, 'start', 'end'] as const;
export type InputParam = (typeof INPUT_PARAMS)[number];

/** Window parameters the SQL uses; `dayFrom`/`dayTo` are derived from `start`/`end`. */
export const WINDOW_SQL_PARAMS = ['dayFrom', 'dayTo', 'start', 'end'] as const;
export type WindowSqlParam = (typeof WINDOW_SQL_PARAMS)[number];

/** Every name a query's SQL may reference as `:name`. */
export type SqlParam = FilterParam | WindowSqlParam;
export const SQL_PARAMS: readonly SqlParam[] = [...FILTER_PARAMS, ...WINDOW_SQL_PARAMS];

/** The longest window a query may cover: bounds Athena scan cost and local memory. */
export const MAX_WINDOW_DAYS = 90;

interface ParamSpec {
  /** Shown in usage and docs. */
  readonly description: string;
  readonly example: string;
  /** The canonical value, or undefined when the raw value is not acceptable. */
  normalize(raw: string): string | undefined;
}

// Capped so the quoted value stays within Athena's 1024-character execution parameter limit.
const ARN_PRINCIPAL = /^arn:aws(?:-[a-z]+)*:(?:iam|sts)::\d{12}:[A-Za-z0-9+=,.@_/-]{1,960}$/;
const ACCESS_KEY_ID = /^[A-Z0-9]{16,128}$/;
const SERVICE_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.amazonaws\.com$/;
const BUCKET = /^[A-Za-z0-9][A-Za-z0-9._-]{1,253}[A-Za-z0-9]$/;
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const FUNCTION_ARN =
  /^arn:aws(?:-[a-z]+)*:lambda:[a-z0-9-]+:\d{12}:function:([A-Za-z0-9_-]{1,64})(?::[A-Za-z0-9$_-]{1,128})?$/;
const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const ISO_INPUT =
  /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

const match = (pattern: RegExp) => (raw: string) => (pattern.test(raw) ? raw : undefined);

/** Allow-patterns and normalisation per parameter. */
export const PARAM_SPECS: Readonly<Record<InputParam, ParamSpec>> = {
  principal: {
    description: 'IAM/STS ARN of the principal (user, role, assumed-role session, root)',
    example: 'arn:aws:iam::111122223333:user/alice',
    normalize: match(ARN_PRINCIPAL),
  },
  accessKeyId: {
    description: 'access key id (AKIA... long-term, ASIA... session)',
    example: 'AKIAIOSFODNN7EXAMPLE',
    normalize: match(ACCESS_KEY_ID),
  },
  sourceIp: {
    description: 'source IP address (IPv4/IPv6) or AWS service host as CloudTrail logs it',
    example: '203.0.113.10',
    normalize: (raw) => {
      if (isIP(raw) !== 0) return raw;
      return SERVICE_HOST.test(raw) || raw === 'AWS Internal' ? raw : undefined;
    },
  },
  bucket: {
    description: 'S3 bucket name',
    example: 'amzn-s3-demo-bucket',
    normalize: match(BUCKET),
  },
  functionName: {
    description: 'Lambda function name (a function ARN is reduced to its name)',
    example: 'billing-export',
    normalize: (raw) => (FUNCTION_NAME.test(raw) ? raw : FUNCTION_ARN.exec(raw)?.[1]),
  },
  account: {
    description: '12-digit AWS account id',
    example: '111122223333',
    normalize: match(ACCOUNT),
  },
  region: {
    description: 'AWS region code',
    example: 'us-east-1',
    normalize: match(REGION),
  },
  start: {
    description: 'window start, ISO-8601 with zone (2024-05-14T09:00:00Z) or a date',
    example: '2024-05-14T08:00:00Z',
    normalize: isoSeconds,
  },
  end: {
    description: 'window end, ISO-8601 with zone (2024-05-14T10:00:00Z) or a date',
    example: '2024-05-15T00:00:00Z',
    normalize: isoSeconds,
  },
};

/**
 * `2024-05-14T09:00:05.123+02:00` -> `2024-05-14T07:00:05Z`: the exact shape of
 * CloudTrail's `eventTime`, so both engines can compare the two as strings.
 */
export function isoSeconds(raw: string): string | undefined {
  const parts = ISO_INPUT.exec(raw);
  if (!parts) return undefined;
  const [, date, hm, sec, zone] = parts;
  const offset =
    zone === undefined || zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const text = hm === undefined ? `${date}T00:00:00Z` : `${date}T${hm}:${sec ?? '00'}${offset}`;
  const time = Date.parse(text);
  // Date.parse rolls 2024-02-31 over to March: refuse instead of guessing.
  const day = Date.parse(`${date}T00:00:00Z`);
  if (!Number.isFinite(time) || !Number.isFinite(day)) return undefined;
  if (new Date(day).toISOString().slice(0, 10) !== date) return undefined;
  return `${new Date(time).toISOString().slice(0, 19)}Z`;
}

export function isInputParam(name: string): name is InputParam {
  return (INPUT_PARAMS as readonly string[]).includes(name);
}

/** One value, validated and normalised; throws {@link ParamError} naming the problem. */
export function normalizeParam(name: string, raw: string): string {
  if (!isInputParam(name)) {
    throw new ParamError(
      `unknown parameter "${name}"; known parameters: ${INPUT_PARAMS.join(', ')}`,
      name,
    );
  }
  const spec = PARAM_SPECS[name];
  const value = typeof raw === 'string' ? spec.normalize(raw) : undefined;
  if (value === undefined) {
    throw new ParamError(
      `parameter ${name} is not a valid ${spec.description} (example: ${spec.example})`,
      name,
    );
  }
  return value;
}

/** Like {@link normalizeParam} but returns undefined instead of throwing (for alert fields). */
export function tryNormalizeParam(name: InputParam, raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return undefined;
  return PARAM_SPECS[name].normalize(raw);
}

/** A validated time window, with the partition days Athena prunes on. */
export interface Window {
  readonly start: string;
  readonly end: string;
  /** `yyyy/MM/dd` of `start`: the first partition to read. */
  readonly dayFrom: string;
  /**
   * `yyyy/MM/dd` of the day after `end`: CloudTrail files land in the folder of
   * their delivery time, which can be past midnight for events just before it.
   */
  readonly dayTo: string;
}

const DAY_MS = 86_400_000;

/** Validates `start <= end` and the maximum span, and derives the partition days. */
export function resolveWindow(rawStart: string, rawEnd: string): Window {
  const start = normalizeParam('start', rawStart);
  const end = normalizeParam('end', rawEnd);
  const from = Date.parse(start);
  const to = Date.parse(end);
  if (to < from) throw new ParamError(`end (${end}) is before start (${start})`, 'end');
  if (to - from > MAX_WINDOW_DAYS * DAY_MS) {
    throw new ParamError(
      `the window ${start} .. ${end} is longer than ${MAX_WINDOW_DAYS} days; narrow it`,
      'end',
    );
  }
  return { start, end, dayFrom: partitionDay(from), dayTo: partitionDay(to + DAY_MS) };
}

/** Epoch ms -> `yyyy/MM/dd` (UTC), the CloudTrail S3 key layout and Athena projection format. */
export function partitionDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10).replaceAll('-', '/');
}
