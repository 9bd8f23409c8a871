import { AwsIpPrefixError, AwsIpRanges } from './aws-ip-ranges.js';

/**
 * Reads AWS's `ip-ranges.json` (https://ip-ranges.amazonaws.com/ip-ranges.json,
 * format: https://docs.aws.amazon.com/vpc/latest/userguide/aws-ip-syntax.html):
 * `syncToken`, `createDate`, `prefixes[].ip_prefix` and `ipv6_prefixes[].ipv6_prefix`
 * (each entry also names its `region`, `network_border_group` and `service`,
 * which the lookup does not need). Pure: text in, structure out; reading and
 * downloading the file is the CLI's and the Lambda handler's job.
 */

/** The real file is about 2 MB; anything this large is not it. */
export const MAX_AWS_IP_RANGES_CHARS = 64 * 1024 * 1024;
/** The real file lists about 10,000 prefixes. */
export const MAX_AWS_IP_PREFIXES = 500_000;

/** Where AWS publishes the file. */
export const AWS_IP_RANGES_URL = 'https://ip-ranges.amazonaws.com/ip-ranges.json';

/** The text is not a usable ip-ranges.json; the message names the source and the field. */
export class AwsIpRangesFormatError extends Error {
  override readonly name = 'AwsIpRangesFormatError';
}

const SYNC_TOKEN = /^\d{1,20}$/;
const CREATE_DATE = /^\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The CIDR strings of one list (`prefixes` or `ipv6_prefixes`), checked to be strings. */
function cidrsOf(
  doc: Record<string, unknown>,
  list: 'prefixes' | 'ipv6_prefixes',
  key: 'ip_prefix' | 'ipv6_prefix',
  fail: (message: string) => never,
): string[] {
  const entries = doc[list];
  if (entries === undefined && list === 'ipv6_prefixes') return [];
  if (!Array.isArray(entries)) return fail(`"${list}" must be a list`);
  if (entries.length > MAX_AWS_IP_PREFIXES) {
    return fail(`"${list}" has more than ${MAX_AWS_IP_PREFIXES} entries`);
  }
  return entries.map((entry, index) => {
    const cidr = isObject(entry) ? entry[key] : undefined;
    if (typeof cidr !== 'string') return fail(`${list}[${index}].${key} must be a string`);
    return cidr;
  });
}

/**
 * Parses and checks the file, then builds the lookup structure. A BOM is
 * allowed; unknown fields are ignored (AWS may add some).
 * @param source names the text in messages: a path or a URL.
 * @throws AwsIpRangesFormatError naming `source` and what is wrong.
 */
export function parseAwsIpRanges(text: string, source: string): AwsIpRanges {
  const fail = (message: string, cause?: unknown): never => {
    throw new AwsIpRangesFormatError(
      `${source}: ${message}; expected AWS's ip-ranges.json (${AWS_IP_RANGES_URL})`,
      cause === undefined ? undefined : { cause },
    );
  };
  if (text.length > MAX_AWS_IP_RANGES_CHARS) {
    return fail(`larger than ${MAX_AWS_IP_RANGES_CHARS} characters`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (cause) {
    return fail(`not JSON (${(cause as Error).message})`, cause);
  }
  if (!isObject(doc)) return fail('not a JSON object');
  const { syncToken, createDate } = doc;
  if (typeof syncToken !== 'string' || !SYNC_TOKEN.test(syncToken)) {
    return fail('"syncToken" must be a string of digits (the publication time)');
  }
  if (typeof createDate !== 'string' || !CREATE_DATE.test(createDate)) {
    return fail('"createDate" must read YYYY-MM-DD-hh-mm-ss');
  }
  const ipv4 = cidrsOf(doc, 'prefixes', 'ip_prefix', fail);
  const ipv6 = cidrsOf(doc, 'ipv6_prefixes', 'ipv6_prefix', fail);
  if (ipv4.length + ipv6.length === 0) return fail('no prefixes');
  try {
    return AwsIpRanges.build({ syncToken, createDate }, ipv4, ipv6);
  } catch (cause) {
    if (!(cause instanceof AwsIpPrefixError) || !cause.where) throw cause;
    const { family, index } = cause.where;
    const field =
      family === 4 ? `prefixes[${index}].ip_prefix` : `ipv6_prefixes[${index}].ipv6_prefix`;
    const value = (family === 4 ? ipv4 : ipv6)[index] ?? '';
    return fail(`${field} ${JSON.stringify(value.slice(0, 60))} is ${cause.reason}`, cause);
  }
}

/** `createDate` as an ISO time (`2026-11-20T19:13:05Z`), for messages. */
export function publishedAt(createDate: string): string {
  const [y, mo, d, h, mi, s] = createDate.split('-');
  return `${y}-${mo}-${d}T${h}:${mi}:${s}Z`;
}
