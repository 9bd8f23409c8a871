import { getPath, isTrue } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { bucketArn, bucketOf } from '../helpers/s3-target.js';
import type { CloudTrailEvent, Detector, FindingDraft } from '../types.js';

const SETTINGS = [
  'BlockPublicAcls',
  'IgnorePublicAcls',
  'BlockPublicPolicy',
  'RestrictPublicBuckets',
] as const;

/**
 * The settings a Put*PublicAccessBlock request leaves off. The PUT replaces the
 * whole configuration and S3 stores an omitted setting as false, so anything not
 * explicitly true (boolean or the string "true") is off. Undefined when the
 * request carries no configuration to judge.
 */
function settingsTurnedOff(requestParameters: unknown): string[] | undefined {
  const config = getPath(requestParameters, 'PublicAccessBlockConfiguration');
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return undefined;
  return SETTINGS.filter((setting) => !isTrue(getPath(config, setting)));
}

const DELETES = new Set(['DeleteBucketPublicAccessBlock', 'DeleteAccountPublicAccessBlock']);
const ACCOUNT_LEVEL = new Set(['PutAccountPublicAccessBlock', 'DeleteAccountPublicAccessBlock']);

function accountFinding(event: CloudTrailEvent, change: string): FindingDraft {
  const account = accountOf(event);
  return {
    summary: `${principalOf(event)} ${change} for the whole account ${account}`,
    dedupKey: `${account}|${principalForDedup(event)}|AccountPublicAccessBlock`,
    resources: [`account:${account}`],
    severity: 'critical',
  };
}

function bucketFinding(event: CloudTrailEvent, change: string): FindingDraft {
  const bucket = bucketOf(event) ?? 'unknown bucket';
  return {
    summary: `${principalOf(event)} ${change} on bucket ${bucket}`,
    dedupKey: `${accountOf(event)}|${principalForDedup(event)}|BucketPublicAccessBlock|${bucket}`,
    resources: [bucketArn(event, bucket)],
  };
}

/** Bucket- or account-level S3 Block Public Access was deleted or had a setting turned off. */
export const s3BlockPublicAccessRemoved: Detector = {
  id: 's3-block-public-access-removed',
  title: 'S3 Block Public Access removed or weakened',
  severity: 'high',
  description:
    'Block Public Access is the guardrail that overrides public ACLs and policies. This fires ' +
    'when it is deleted (DeleteBucketPublicAccessBlock, DeleteAccountPublicAccessBlock) or put ' +
    'with any of BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets ' +
    'off. Account-level changes (S3 Control PutPublicAccessBlock / DeletePublicAccessBlock, ' +
    'logged as Put/DeleteAccountPublicAccessBlock) expose every bucket and are critical. Benign ' +
    'causes: preparing a deliberately public bucket, usually followed by a public policy or ACL.',
  attack: ['T1562', 'T1530'],
  references: [
    'S3.1',
    'S3.8',
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutPublicAccessBlock.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_PutPublicAccessBlock.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html',
  ],
  runbook: 's3-public-exposure',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 's3.amazonaws.com',
      eventNames: [
        'PutBucketPublicAccessBlock',
        'DeleteBucketPublicAccessBlock',
        'PutAccountPublicAccessBlock',
        'DeleteAccountPublicAccessBlock',
      ],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    let change = 'removed Block Public Access';
    if (!DELETES.has(event.eventName)) {
      const off = settingsTurnedOff(event.requestParameters);
      if (!off || off.length === 0) return undefined;
      change = `turned off Block Public Access settings ${off.join(', ')}`;
    }
    return ACCOUNT_LEVEL.has(event.eventName)
      ? accountFinding(event, change)
      : bucketFinding(event, change);
  },
};
