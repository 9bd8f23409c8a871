import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { isTrustedAccount } from '../helpers/resource-principal.js';
import { copyEnds } from '../helpers/s3-copy.js';
import type { Detector } from '../types.js';

/** Objects were copied server-side into a bucket another account owns. */
export const s3ObjectCopiedToForeignBucket: Detector = {
  id: 's3-object-copied-to-foreign-bucket',
  title: 'S3 objects copied to a bucket of an outside account',
  severity: 'high',
  description:
    'CopyObject or UploadPartCopy (S3 data events) copied an object into a bucket whose owner, ' +
    'as CloudTrail names it in resources[].accountId, is neither the account the event was ' +
    'recorded in nor in trustedAccounts, from a source that account does not own. A ' +
    'server-side copy moves data straight from our bucket to an attacker-owned one without ' +
    'passing through the caller: fast, cheap, and invisible to network monitoring. Copies ' +
    'whose destination owner the record does not name are not judged. Needs S3 data events ' +
    '(write) on the trail. Benign causes: deliveries to partners, vendors or organisation ' +
    'accounts missing from trustedAccounts.',
  attack: ['T1537', 'T1530'],
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html',
  ],
  runbook: 'data-exfiltration',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 's3.amazonaws.com', eventNames: ['CopyObject', 'UploadPartCopy'] }],
  match(event, ctx) {
    if (!succeeded(event)) return undefined;
    const ends = copyEnds(event);
    const owner = ends?.destinationOwner;
    if (!ends || !owner) return undefined;
    const here = accountOf(event);
    if (isTrustedAccount(owner, here, ctx.settings) || owner === ends.sourceOwner) return undefined;
    const from = ends.source ? `from ${ends.source} ` : '';
    return {
      summary: `${principalOf(event)} copied objects ${from}to bucket ${ends.destinationBucket} of account ${owner}`,
      dedupKey: `${here}|${principalForDedup(event)}|${ends.destinationBucket}`,
      resources: [...(ends.source ? [ends.source] : []), ends.destinationBucket],
    };
  },
};
