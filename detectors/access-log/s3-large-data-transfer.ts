import type { DetectorSettings } from '../types.js';
import { formatBytes } from './format.js';
import { bucketArn, isRead, succeeded } from './request.js';
import { requesterIdentity, requesterKey, requesterLabel } from './requester.js';
import type { AccessLogDetector, AccessLogRecord } from './types.js';

/** Bytes are counted in units this size (a power of two: see `unitsOf`). */
export const BYTE_UNIT = 16 * 1024 * 1024;
/** Units one requester may receive per window before the alert: 128 × 16 MiB = 2 GiB. */
const UNITS = 128;
const WINDOW_SECONDS = 3600;

/**
 * One requester received an unusual volume of data from S3 within an hour.
 *
 * The aggregator counts findings (or distinct values), not bytes, so bytes become
 * units: each finding brings one distinct value per 16 MiB unit it stands for
 * (`distinctValues`), and the distinct threshold adds them up per requester. A
 * request's remainder below a whole unit counts as one more unit with probability
 * remainder/unit, decided by a hash of its request id: the count stays unbiased
 * for many small downloads, and a redelivered record counts the same.
 */
export const s3LargeDataTransfer: AccessLogDetector = {
  id: 's3-large-data-transfer',
  input: 'access-log',
  title: 'Unusual volume of S3 data sent to one requester',
  severity: 'medium',
  description:
    `One requester (an IAM role or user, a canonical user, or an anonymous address) received ` +
    `about ${formatBytes(UNITS * BYTE_UNIT)} or more from S3 within ${WINDOW_SECONDS / 3600} ` +
    'hour, across buckets, in successful responses: bulk download or exfiltration with stolen ' +
    'credentials or through a public bucket. High when the requester is anonymous. Benign ' +
    'causes: backups, analytics jobs and replication tools reading whole buckets (suppress by ' +
    'principal, or raise the threshold count, in units of 16 MiB). Reads of `logBuckets` by ' +
    'the `logReaders` whose job that is are not counted (on AWS, trailwatch adds its own ingest ' +
    'role, which reads every log file).',
  attack: ['T1530', 'T1537'],
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/LogFormat.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-s3-access-logs-to-identify-requests.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: WINDOW_SECONDS,
  threshold: { count: UNITS, windowSeconds: WINDOW_SECONDS, distinct: true },
  match(record, ctx) {
    const bytes = record.bytesSent;
    if (bytes === null || bytes <= 0 || !succeeded(record)) return undefined;
    if (isLogReaderReadingLogs(record, ctx.settings)) return undefined;
    const identity = record.requestId ?? `${record.time}|${record.key ?? ''}|${bytes}`;
    const units = Math.min(unitsOf(bytes, identity), UNITS);
    if (units === 0) return undefined;
    return {
      summary: `${requesterLabel(record)} received ${formatBytes(bytes)} from ${record.bucket} (${record.operation ?? 'unknown operation'}); alerts at ${formatBytes(UNITS * BYTE_UNIT)} per requester within ${WINDOW_SECONDS / 3600} hour, counted in 16 MiB units`,
      dedupKey: requesterKey(record),
      resources: [bucketArn(record.bucket)],
      distinctValues: Array.from({ length: units }, (_, k) => `${identity}#${k}`),
      ...(record.requester === null ? { severity: 'high' as const } : {}),
    };
  },
};

/**
 * A GET or HEAD on one of `logBuckets` by one of `logReaders`: a log pipeline doing its
 * job, which at an organisation trail's volume is gigabytes an hour. Anyone else reading
 * the log buckets, and the readers reading any other bucket, still count.
 */
function isLogReaderReadingLogs(record: AccessLogRecord, settings: DetectorSettings): boolean {
  const readers = settings.logReaders;
  if (!readers?.length || !settings.logBuckets.includes(record.bucket) || !isRead(record)) {
    return false;
  }
  const principal = principalArn(record.requester);
  return principal !== undefined && readers.some((arn) => withoutRolePath(arn) === principal);
}

/**
 * The IAM principal behind the Requester field: the role of an assumed-role session
 * (as `arn:…:role/<name>`: session ARNs carry no path), or the user's own ARN.
 */
function principalArn(requester: string | null): string | undefined {
  const identity = requesterIdentity(requester);
  if (identity.type === 'AssumedRole')
    return identity.sessionContext?.sessionIssuer?.arn ?? undefined;
  if (identity.type === 'IAMUser') return identity.arn ?? undefined;
  return undefined;
}

/** `arn:…:role/path/to/name` → `arn:…:role/name`, as sessions of that role name it. */
function withoutRolePath(arn: string): string {
  const role = /^(arn:[^:]+:iam::\d{12}:role\/)(?:[^/]*\/)*([^/]+)$/.exec(arn);
  return role ? `${role[1]}${role[2]}` : arn;
}

/** Whole units, plus one with probability remainder/unit (deterministic per request). */
export function unitsOf(bytes: number, identity: string): number {
  const whole = Math.floor(bytes / BYTE_UNIT);
  const remainder = bytes - whole * BYTE_UNIT;
  return whole + (fnv1a(identity) % BYTE_UNIT < remainder ? 1 : 0);
}

/**
 * 32-bit FNV-1a with MurmurHash3's finaliser: a spread-out, stable hash; not a security
 * boundary. FNV-1a alone leaves the high bits of the low 24 (the ones `unitsOf` compares)
 * skewed for ids that differ only in a last decimal digit: 400 sequential ids gave 100
 * half-units instead of about 200.
 */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
