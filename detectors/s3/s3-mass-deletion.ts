import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { bucketArn, bucketOf, objectKeyOf } from '../helpers/s3-target.js';
import type { Detector } from '../types.js';

/** One principal deleting many objects from one bucket within an hour. */
export const s3MassDeletion: Detector = {
  id: 's3-mass-deletion',
  title: 'Mass deletion of S3 objects',
  severity: 'high',
  description:
    'At least 50 successful DeleteObject or DeleteObjects calls by one principal on one bucket ' +
    'within an hour (S3 data events must be enabled on the trail). Mass deletion is the last ' +
    'step of S3 ransomware and of evidence destruction. CloudTrail does not log which or how ' +
    'many keys a DeleteObjects batch removed (up to 1,000), so each batch counts once: a few ' +
    'batches can delete far more than 50 objects without reaching the threshold; S3 server ' +
    'access logs record every key. Benign causes: clean-up jobs, CI artifact pruning, ' +
    'applications that churn temporary objects.',
  attack: ['T1485', 'T1486'],
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html',
  ],
  runbook: 's3-data-destruction',
  dedupWindowSeconds: 3600,
  threshold: { count: 50, windowSeconds: 3600 },
  listensTo: [{ eventSource: 's3.amazonaws.com', eventNames: ['DeleteObject', 'DeleteObjects'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    // S3's own deletions (replication, lifecycle) are not logged as calls; a service identity here is AWS acting.
    if (event.userIdentity?.type === 'AWSService') return undefined;
    const bucket = bucketOf(event) ?? 'unknown bucket';
    const key = objectKeyOf(event);
    const what = key ? `object ${key}` : 'a batch of objects';
    return {
      summary: `${principalOf(event)} deleted ${what} from bucket ${bucket}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|DeleteObject|${bucket}`,
      resources: [bucketArn(event, bucket)],
    };
  },
};
