import { outcomeOf, targetOf } from './format.js';
import { bucketArn } from './request.js';
import { requesterKey, requesterLabel } from './requester.js';
import type { AccessLogDetector } from './types.js';

const DISTINCT_PATHS = 20;
const WINDOW_SECONDS = 300;

/** One source collecting 403/404 answers for many different keys: guessing paths or probing permissions. */
export const s3BucketEnumeration: AccessLogDetector = {
  id: 's3-bucket-enumeration',
  input: 'access-log',
  title: 'S3 bucket enumerated: many denied or missing keys from one source',
  severity: 'medium',
  description:
    `One source (address, or requester when S3 logs no address) received 403 or 404 answers ` +
    `for ${DISTINCT_PATHS} or more different keys of one bucket within ${WINDOW_SECONDS / 60} ` +
    'minutes: a scanner guessing file paths (backups, .env, exports) or probing what stolen ' +
    'credentials may read. Retries of the same missing key count once. AWS services acting ' +
    'themselves (svc:..., e.g. CloudFront origin access control relaying viewers) are left ' +
    'out: their viewers show in CloudFront logs. Benign causes: a broken client or link ' +
    'checker, an inventory tool with stale keys.',
  attack: ['T1619', 'T1595.003'],
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/LogFormat.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-s3-access-logs-to-identify-requests.html',
  ],
  runbook: 's3-bucket-scanning',
  dedupWindowSeconds: 3600,
  threshold: { count: DISTINCT_PATHS, windowSeconds: WINDOW_SECONDS, distinct: true },
  match(record) {
    const status = record.httpStatus;
    if (status !== 403 && status !== 404) return undefined;
    if (record.requester?.startsWith('svc:')) return undefined;
    const source = record.remoteIp ?? requesterKey(record);
    return {
      summary: `${requesterLabel(record)} was refused by ${record.bucket}: ${targetOf(record)} (${outcomeOf(record)})`,
      dedupKey: `${record.bucket}|${source}`,
      resources: [bucketArn(record.bucket)],
      distinctValue: record.key ?? record.requestUri ?? record.operation ?? '-',
    };
  },
};
