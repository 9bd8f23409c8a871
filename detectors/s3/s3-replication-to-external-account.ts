import { asArray, asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { isTrustedAccount } from '../helpers/resource-principal.js';
import { bucketArn, bucketOf } from '../helpers/s3-target.js';
import type { Detector, DetectorSettings } from '../types.js';

interface ForeignDestination {
  readonly account: string;
  readonly bucket: string;
}

/**
 * Enabled rules whose destination names an account that is neither the
 * bucket owner's nor trusted. Bucket ARNs carry no account, so only the rule's
 * `Destination.Account` (required for owner override, usual for cross-account
 * set-ups) can tell; rules without it are not judged.
 */
function foreignDestinations(
  requestParameters: unknown,
  own: string,
  settings: DetectorSettings,
): ForeignDestination[] {
  const config = getPath(requestParameters, 'ReplicationConfiguration');
  const rules = asArray(getPath(config, 'Rule') ?? getPath(config, 'Rules'));
  const out: ForeignDestination[] = [];
  for (const rule of rules) {
    if (asString(getPath(rule, 'Status'))?.trim().toLowerCase() === 'disabled') continue;
    const destination = getPath(rule, 'Destination');
    const account = asString(getPath(destination, 'Account'))?.trim();
    if (!account || isTrustedAccount(account, own, settings)) continue;
    out.push({
      account,
      bucket: asString(getPath(destination, 'Bucket'))?.trim() || 'unknown bucket',
    });
  }
  return out;
}

/** A bucket now copies every new object into a bucket owned by an untrusted account. */
export const s3ReplicationToExternalAccount: Detector = {
  id: 's3-replication-to-external-account',
  title: 'S3 bucket replicated to an external account',
  severity: 'high',
  description:
    'PutBucketReplication succeeded with an enabled rule whose destination account is neither ' +
    'the bucket owner nor in trustedAccounts. Replication is a quiet exfiltration channel: S3 ' +
    'itself copies each new object (and, with batch replication, existing ones) to the other ' +
    'account, with no GetObject calls to notice. Rules without an explicit destination ' +
    'account cannot be judged from the record and are not flagged. Benign causes: backup or ' +
    'disaster-recovery accounts missing from trustedAccounts.',
  attack: ['T1537'],
  references: [
    'CIS 5.8',
    'CloudWatch.8',
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketReplication.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-walkthrough-2.html',
  ],
  runbook: 's3-public-exposure',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 's3.amazonaws.com', eventNames: ['PutBucketReplication'] }],
  match(event, ctx) {
    if (!succeeded(event)) return undefined;
    const own = accountOf(event);
    const foreign = foreignDestinations(event.requestParameters, own, ctx.settings);
    const first = foreign[0];
    if (!first) return undefined;
    const bucket = bucketOf(event) ?? 'unknown bucket';
    const targets = [...new Set(foreign.map((d) => `${d.bucket} (account ${d.account})`))];
    return {
      summary: `${principalOf(event)} set bucket ${bucket} to replicate to ${targets.join(', ')}`,
      dedupKey: `${own}|${principalForDedup(event)}|BucketReplication|${bucket}|${first.account}`,
      resources: [bucketArn(event, bucket), ...new Set(foreign.map((d) => d.bucket))],
    };
  },
};
