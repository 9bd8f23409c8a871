import { baseEventName } from '../helpers/event-name.js';
import { asString, getPath, isFalse } from '../helpers/fields.js';
import { accountFromArn, accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { trailOf } from '../helpers/trail.js';
import {
  type CloudTrailEvent,
  type Detector,
  type DetectorContext,
  SEVERITY_RANK,
  type Severity,
} from '../types.js';

/** Settings an UpdateTrail request can turn off, and how to say so. */
const WEAKENING_FLAGS: readonly [field: string, description: string][] = [
  ['isMultiRegionTrail', 'multi-region logging turned off'],
  ['includeGlobalServiceEvents', 'global service events (IAM, STS) excluded'],
  ['enableLogFileValidation', 'log file validation turned off'],
  ['isOrganizationTrail', 'organization trail turned off'],
];

/**
 * AWS documents an empty string as "remove": `--kms-key-id ""` stops encrypting
 * log files, and an empty log group ARN stops delivery to CloudWatch Logs (which
 * silences every CIS metric-filter alarm built on it).
 */
const REMOVABLE_SETTINGS: readonly [field: string, description: string][] = [
  ['kmsKeyId', 'KMS encryption removed'],
  ['cloudWatchLogsLogGroupArn', 'CloudWatch Logs delivery removed'],
];

interface Weakening {
  readonly text: string;
  readonly severity: Severity;
}

/**
 * A key named by ARN (key or alias) in an account that is neither ours nor
 * trusted. The key's owner can then disable it or revoke CloudTrail's grant, and
 * delivery fails silently; or read every log file. A bare key id or `alias/…`
 * is always in the trail's own account.
 */
function foreignKeyAccount(event: CloudTrailEvent, ctx: DetectorContext): string | undefined {
  const key = asString(getPath(event.requestParameters, 'kmsKeyId'))?.trim();
  const account = accountFromArn(key);
  if (!account || account === accountOf(event)) return undefined;
  return ctx.settings.trustedAccounts.includes(account) ? undefined : account;
}

/**
 * A delivery bucket the operator has not listed in `logBuckets`. The record does
 * not say who owns a bucket, and names are global (anyone can create
 * `aws-cloudtrail-logs-<our account>-x`), so only the list can vouch for one.
 */
function unlistedBucket(event: CloudTrailEvent, ctx: DetectorContext): string | undefined {
  const bucket = asString(getPath(event.requestParameters, 's3BucketName'))?.trim();
  if (!bucket || ctx.settings.logBuckets.includes(bucket)) return undefined;
  return bucket;
}

/** UpdateTrail: anything that makes the existing trail record less or elsewhere. */
function updateWeakenings(event: CloudTrailEvent, ctx: DetectorContext): Weakening[] {
  const request = event.requestParameters;
  const found: Weakening[] = [];
  for (const [field, text] of WEAKENING_FLAGS) {
    if (isFalse(getPath(request, field))) found.push({ text, severity: 'high' });
  }
  for (const [field, text] of REMOVABLE_SETTINGS) {
    if (getPath(request, field) === '') found.push({ text, severity: 'high' });
  }
  const keyAccount = foreignKeyAccount(event, ctx);
  if (keyAccount) {
    found.push({
      text: `log files encrypted with a KMS key of account ${keyAccount}`,
      severity: 'high',
    });
  }
  // The request only carries s3BucketName when it is being set, and the previous
  // value is not in the record; the console re-sends it on every edit.
  const bucket = unlistedBucket(event, ctx);
  if (bucket) found.push({ text: `log delivery bucket set to ${bucket}`, severity: 'medium' });
  return found;
}

/**
 * CreateTrail: a new trail blinds nothing, but one encrypting with an outsider's
 * key, or delivering outside the listed log buckets, hands a copy of the audit
 * log to someone else.
 */
function createWeakenings(event: CloudTrailEvent, ctx: DetectorContext): Weakening[] {
  const found: Weakening[] = [];
  const keyAccount = foreignKeyAccount(event, ctx);
  if (keyAccount) {
    found.push({
      text: `log files encrypted with a KMS key of account ${keyAccount}`,
      severity: 'medium',
    });
  }
  const bucket = ctx.settings.logBuckets.length > 0 ? unlistedBucket(event, ctx) : undefined;
  if (bucket) found.push({ text: `logs delivered to bucket ${bucket}`, severity: 'medium' });
  return found;
}

/**
 * A trail was weakened by UpdateTrail, or created to deliver outside the account.
 * Every other UpdateTrail is change tracking, which `cloudtrail-config-changed`
 * (CIS 5.5) reports at low severity.
 */
export const cloudtrailTrailUpdated: Detector = {
  id: 'cloudtrail-trail-updated',
  title: 'CloudTrail trail weakened',
  severity: 'high',
  description:
    'UpdateTrail succeeded and weakened the trail. Attackers who cannot stop a trail quietly ' +
    'narrow it instead: turn off multi-region or global service events, break log file ' +
    'validation, drop KMS encryption or CloudWatch Logs delivery (high), or encrypt with a KMS ' +
    'key of an account that is neither this one nor in trustedAccounts (high: its owner can ' +
    'disable the key and delivery fails, or read every log). Pointing delivery at a bucket not ' +
    'listed in logBuckets is medium: the record does not say who owns the bucket. CreateTrail ' +
    'with an outside key, or (when logBuckets is set) an unlisted bucket, is medium. Changes ' +
    'that do not weaken the trail are left to cloudtrail-config-changed. Benign causes: ' +
    'planned changes through infrastructure as code, a central logging account not yet in ' +
    'trustedAccounts or logBuckets, or a console edit (the console re-sends the bucket name, ' +
    'which reads as a bucket change).' +
    ' Denied attempts are reported one level lower.',
  attack: ['T1562.008'],
  references: [
    'CIS 5.5',
    'CloudWatch.5',
    'CloudTrail.1',
    'CloudTrail.2',
    'CloudTrail.4',
    'CloudTrail.5',
    'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_UpdateTrail.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateTrail.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    { eventSource: 'cloudtrail.amazonaws.com', eventNames: ['UpdateTrail', 'CreateTrail'] },
  ],
  match(event, ctx) {
    if (!succeeded(event)) return undefined;
    const creating = baseEventName(event.eventName) === 'CreateTrail';
    const weakened = creating ? createWeakenings(event, ctx) : updateWeakenings(event, ctx);
    if (weakened.length === 0) return undefined;
    const trail = trailOf(event) ?? 'unknown trail';
    const severity = weakened.reduce<Severity>(
      (worst, w) => (SEVERITY_RANK[w.severity] > SEVERITY_RANK[worst] ? w.severity : worst),
      'info',
    );
    return {
      summary: `${principalOf(event)} ${creating ? 'created' : 'weakened'} trail ${trail}: ${weakened.map((w) => w.text).join(', ')}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${creating ? 'CreateTrail' : 'UpdateTrail'}|${trail}`,
      resources: [trail],
      severity,
    };
  },
};
