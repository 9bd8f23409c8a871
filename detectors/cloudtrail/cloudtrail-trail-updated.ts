import { asString, getPath, isFalse } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { trailOf } from '../helpers/trail.js';
import type { Detector } from '../types.js';

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

function weakenings(requestParameters: unknown): string[] {
  const found: string[] = [];
  for (const [field, description] of WEAKENING_FLAGS) {
    if (isFalse(getPath(requestParameters, field))) found.push(description);
  }
  for (const [field, description] of REMOVABLE_SETTINGS) {
    if (getPath(requestParameters, field) === '') found.push(description);
  }
  // The request only carries s3BucketName when it is being set, and the previous
  // value is not in the record: treat any destination bucket in the request as a move.
  const bucket = asString(getPath(requestParameters, 's3BucketName'));
  if (bucket) found.push(`log delivery bucket set to ${bucket}`);
  return found;
}

/**
 * A trail was weakened by UpdateTrail. Every other UpdateTrail is change tracking,
 * which `cloudtrail-config-changed` (CIS 5.5) reports at low severity.
 */
export const cloudtrailTrailUpdated: Detector = {
  id: 'cloudtrail-trail-updated',
  title: 'CloudTrail trail weakened',
  severity: 'high',
  description:
    'UpdateTrail succeeded and weakened the trail. Attackers who cannot stop a trail quietly ' +
    'narrow it instead: turn off multi-region or global service events, break log file ' +
    'validation, drop KMS encryption or CloudWatch Logs delivery, or point delivery at a bucket ' +
    'they control. Changes that do not weaken the trail are left to cloudtrail-config-changed. ' +
    'Benign causes: planned changes through infrastructure as code, or a console edit (the ' +
    'console re-sends the bucket name, which reads as a bucket change).',
  attack: ['T1562.008'],
  references: [
    'CIS 5.5',
    'CloudWatch.5',
    'CloudTrail.1',
    'CloudTrail.2',
    'CloudTrail.4',
    'CloudTrail.5',
    'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_UpdateTrail.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'cloudtrail.amazonaws.com', eventNames: ['UpdateTrail'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const trail = trailOf(event) ?? 'unknown trail';
    const weakened = weakenings(event.requestParameters);
    if (weakened.length === 0) return undefined;
    return {
      summary: `${principalOf(event)} weakened trail ${trail}: ${weakened.join(', ')}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|UpdateTrail|${trail}`,
      resources: [trail],
    };
  },
};
