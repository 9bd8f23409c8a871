import { baseEventName } from '../helpers/event-name.js';
import { asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { CloudTrailEvent, Detector, FindingDraft } from '../types.js';

function finding(event: CloudTrailEvent, what: string, severity: 'high' | 'medium'): FindingDraft {
  const resource = requestField(event, 'resourceArn') ?? 'unknown database';
  return {
    summary: `${principalOf(event)} ${what} of ${resource}`,
    severity,
    dedupKey: `${accountOf(event)}|${principalForDedup(event)}|ActivityStream|${resource}`,
    resources: [resource],
  };
}

/** The database activity stream that feeds database monitoring was stopped or its audit policy unlocked. */
export const rdsActivityStreamStopped: Detector = {
  id: 'rds-activity-stream-stopped',
  title: 'RDS database activity stream stopped',
  severity: 'high',
  description:
    'StopActivityStream succeeded (high): the near real-time record of database sessions and ' +
    'queries that activity monitoring tools and auditors consume stops, so what is read or ' +
    'changed next leaves no trace outside the engine. ModifyActivityStream setting ' +
    'auditPolicyState to unlocked (medium) lets the database audit policy be changed while ' +
    'the stream runs. Denied attempts are reported one level lower. Benign causes: ' +
    'maintenance that needs the stream restarted, cost reduction on non-production ' +
    'databases, changing the stream mode.',
  attack: ['T1562.008', 'T1562.001'],
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_StopActivityStream.html',
    'https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyActivityStream.html',
    'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/DBActivityStreams.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    {
      eventSource: 'rds.amazonaws.com',
      eventNames: ['StopActivityStream', 'ModifyActivityStream'],
    },
  ],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    if (baseEventName(event.eventName) === 'StopActivityStream') {
      return finding(event, 'stopped the database activity stream', 'high');
    }
    const state = asString(getPath(event.requestParameters, 'auditPolicyState'))?.trim();
    return state?.toLowerCase() === 'unlocked'
      ? finding(event, 'unlocked the audit policy of the activity stream', 'medium')
      : undefined;
  },
};
