import { asArray, asString, findAll, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { bucketArn, bucketOf } from '../helpers/s3-target.js';
import type { Detector } from '../types.js';

/**
 * Destination elements of a notification configuration, in the current
 * (`QueueConfiguration`, `LambdaFunctionConfiguration`, `EventBridgeConfiguration`)
 * and deprecated (`CloudFunctionConfiguration`) forms.
 */
const DESTINATIONS: readonly [element: string, arnField: string][] = [
  ['QueueConfiguration', 'Queue'],
  ['TopicConfiguration', 'Topic'],
  ['LambdaFunctionConfiguration', 'CloudFunction'],
  ['CloudFunctionConfiguration', 'CloudFunction'],
  ['EventBridgeConfiguration', ''],
];

/** Where the new configuration sends events: ARNs, or "EventBridge". Undefined when no configuration was logged. */
function destinationsOf(request: unknown): string[] | undefined {
  const config = getPath(request, 'NotificationConfiguration');
  if (config === undefined || config === null || typeof config !== 'object') return undefined;
  const out: string[] = [];
  for (const [element, arnField] of DESTINATIONS) {
    for (const entry of findAll(config, element, 2).flatMap((v) => asArray(v))) {
      const arn = arnField ? asString(getPath(entry, arnField)) : undefined;
      out.push(arn ?? (element === 'EventBridgeConfiguration' ? 'EventBridge' : element));
    }
  }
  return out;
}

/** Event notifications of a log bucket removed or replaced: log delivery to the pipeline stops. */
export const s3LogBucketNotificationsRemoved: Detector = {
  id: 's3-log-bucket-notifications-removed',
  title: 'Event notifications of a log bucket removed or changed',
  severity: 'high',
  description:
    'PutBucketNotificationConfiguration (logged as PutBucketNotification) succeeded on a ' +
    'bucket listed in logBuckets. The S3 event notifications of a CloudTrail bucket are what ' +
    'feed trailwatch (S3 to SQS) and most SIEM forwarders: an empty configuration (high) ' +
    'stops new log files from being read while the trail keeps writing them, so nothing ' +
    'alerts; a replaced one (medium) may send them elsewhere. Stays quiet when logBuckets is ' +
    'empty. Denied attempts are reported one level lower. Benign causes: redeploying the ' +
    'log pipeline, moving to EventBridge notifications.',
  attack: ['T1562.008', 'T1562.001'],
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketNotificationConfiguration.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/how-to-enable-disable-notification-intro.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    {
      eventSource: 's3.amazonaws.com',
      eventNames: ['PutBucketNotification', 'PutBucketNotificationConfiguration'],
    },
  ],
  match(event, ctx) {
    if (!succeeded(event)) return undefined;
    const bucket = bucketOf(event);
    if (!bucket || !ctx.settings.logBuckets.includes(bucket)) return undefined;
    const destinations = destinationsOf(event.requestParameters);
    const removed = destinations !== undefined && destinations.length === 0;
    const what = removed
      ? 'removed every event notification of'
      : destinations
        ? `replaced the event notifications (now ${destinations.slice(0, 5).join(', ')}) of`
        : 'changed the event notifications of';
    return {
      summary: `${principalOf(event)} ${what} log bucket ${bucket}`,
      severity: removed ? 'high' : 'medium',
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|notifications|${bucket}`,
      resources: [bucketArn(event, bucket)],
    };
  },
};
