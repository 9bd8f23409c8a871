import { asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { bucketArn, bucketOf } from '../helpers/s3-target.js';
import type { Detector } from '../types.js';

function setting(requestParameters: unknown, key: string): string | undefined {
  // XML-derived: `MfaDelete` in the API, `MFADelete` in responses and some records.
  return asString(getPath(requestParameters, 'VersioningConfiguration', key))
    ?.trim()
    .toLowerCase();
}

/** Versioning suspended or MFA Delete turned off: deleted objects stop being recoverable. */
export const s3VersioningSuspended: Detector = {
  id: 's3-versioning-suspended',
  title: 'S3 bucket versioning suspended or MFA Delete disabled',
  severity: 'medium',
  description:
    'PutBucketVersioning succeeded with Status Suspended or MfaDelete Disabled. Versioning is ' +
    'what lets overwritten and deleted objects be recovered, and MFA Delete what stops a stolen ' +
    'key from purging versions; ransomware and data-destruction playbooks switch them off ' +
    'first. High on a bucket listed in logBuckets. Benign causes: cost clean-up of buckets that ' +
    'do not need history, temporary suspension during a migration.',
  attack: ['T1490', 'T1485'],
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketVersioning.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html',
  ],
  runbook: 's3-data-destruction',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 's3.amazonaws.com', eventNames: ['PutBucketVersioning'] }],
  match(event, ctx) {
    if (!succeeded(event)) return undefined;
    const changes: string[] = [];
    if (setting(event.requestParameters, 'Status') === 'suspended')
      changes.push('suspended versioning');
    if (setting(event.requestParameters, 'MfaDelete') === 'disabled')
      changes.push('disabled MFA Delete');
    if (changes.length === 0) return undefined;
    const bucket = bucketOf(event) ?? 'unknown bucket';
    return {
      summary: `${principalOf(event)} ${changes.join(' and ')} on bucket ${bucket}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|BucketVersioning|${bucket}`,
      resources: [bucketArn(event, bucket)],
      severity: ctx.settings.logBuckets.includes(bucket) ? 'high' : 'medium',
    };
  },
};
