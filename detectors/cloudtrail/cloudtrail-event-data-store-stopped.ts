import { baseEventName } from '../helpers/event-name.js';
import { getPath, isFalse } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import type { CloudTrailEvent, Detector, Severity } from '../types.js';

/** Less than this many days of CloudTrail Lake history is short for an investigation (the minimum is 7). */
const SHORT_RETENTION_DAYS = 90;

function retentionDays(request: unknown): number | undefined {
  const raw = getPath(request, 'retentionPeriod');
  const days = typeof raw === 'string' && /^\s*\d{1,5}\s*$/.test(raw) ? Number(raw) : raw;
  return typeof days === 'number' && Number.isFinite(days) ? days : undefined;
}

function judge(event: CloudTrailEvent): { what: string; severity: Severity } | undefined {
  switch (baseEventName(event.eventName)) {
    case 'StopEventDataStoreIngestion':
      return { what: 'stopped ingestion into event data store', severity: 'high' };
    case 'DeleteEventDataStore':
      return { what: 'deleted event data store', severity: 'high' };
    case 'UpdateEventDataStore': {
      const weakened: string[] = [];
      if (isFalse(getPath(event.requestParameters, 'terminationProtectionEnabled'))) {
        weakened.push('termination protection off');
      }
      const days = retentionDays(event.requestParameters);
      if (days !== undefined && days < SHORT_RETENTION_DAYS) {
        weakened.push(`retention cut to ${days} days`);
      }
      return weakened.length > 0
        ? { what: `weakened event data store (${weakened.join(', ')})`, severity: 'medium' }
        : undefined;
    }
    default:
      return undefined;
  }
}

/** A CloudTrail Lake event data store stopped, deleted or weakened. */
export const cloudtrailEventDataStoreStopped: Detector = {
  id: 'cloudtrail-event-data-store-stopped',
  title: 'CloudTrail Lake event data store stopped or deleted',
  severity: 'high',
  description:
    'StopEventDataStoreIngestion or DeleteEventDataStore succeeded (high): a CloudTrail Lake ' +
    'event data store stops recording, or goes with its history (deleted stores can be ' +
    'restored for 7 days), the same loss of the audit trail as stopping a trail. ' +
    'UpdateEventDataStore turning termination protection off or cutting retention below ' +
    `${SHORT_RETENTION_DAYS} days is medium. Denied attempts are reported one level ` +
    'lower. Benign causes: retiring a store after migrating to trails or another store, ' +
    'cost reduction.',
  attack: ['T1562.008'],
  references: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StopEventDataStoreIngestion.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_DeleteEventDataStore.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_UpdateEventDataStore.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    {
      eventSource: 'cloudtrail.amazonaws.com',
      eventNames: ['StopEventDataStoreIngestion', 'DeleteEventDataStore', 'UpdateEventDataStore'],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    const verdict = judge(event);
    if (!verdict) return undefined;
    const store = requestField(event, 'eventDataStore') ?? 'unknown event data store';
    return {
      summary: `${principalOf(event)} ${verdict.what} ${store}`,
      severity: verdict.severity,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|EventDataStore|${store}`,
      resources: [store],
    };
  },
};
