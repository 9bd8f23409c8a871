import { baseEventName } from '../helpers/event-name.js';
import { getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isTrailLogGroup } from '../helpers/security-names.js';
import { invokedByAnyOf, isAwsServiceCaller } from '../helpers/service-caller.js';
import type { CloudTrailEvent, Detector, Severity } from '../types.js';

/** Retention this short (days) lets logs age out before anyone investigates. */
const SHORT_RETENTION_DAYS = 7;
/**
 * On CloudTrail's log group, retention under a month is short enough to lose the
 * window most investigations look back over (and the CIS alarms' history).
 */
const TRAIL_GROUP_RETENTION_DAYS = 30;

const CLOUDFORMATION = new Set(['cloudformation.amazonaws.com']);

function retentionDays(event: CloudTrailEvent): number | undefined {
  const raw = getPath(event.requestParameters, 'retentionInDays');
  const days = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  return typeof days === 'number' && Number.isFinite(days) ? days : undefined;
}

/** What the call did, in words; undefined when it is not destructive. */
function action(event: CloudTrailEvent): string | undefined {
  switch (baseEventName(event.eventName)) {
    case 'DeleteLogGroup':
      return 'deleted log group';
    case 'DeleteLogStream':
      return `deleted log stream ${requestField(event, 'logStreamName') ?? '(unnamed)'} of`;
    case 'DeleteMetricFilter':
      return `deleted metric filter ${requestField(event, 'filterName') ?? '(unnamed)'} on`;
    case 'DeleteSubscriptionFilter':
      return `deleted subscription filter ${requestField(event, 'filterName') ?? '(unnamed)'} on`;
    case 'PutRetentionPolicy': {
      const days = retentionDays(event);
      const group = requestField(event, 'logGroupName', 'logGroupIdentifier');
      const limit = isTrailLogGroup(group) ? TRAIL_GROUP_RETENTION_DAYS : SHORT_RETENTION_DAYS;
      return days !== undefined && days <= limit ? `set ${days}-day retention on` : undefined;
    }
    default:
      return undefined;
  }
}

/** CloudWatch Logs data, metric filters or subscriptions were deleted, or retention cut short. */
export const cloudwatchLogsDeleted: Detector = {
  id: 'cloudwatch-logs-deleted',
  title: 'CloudWatch Logs deleted or retention shortened',
  severity: 'medium',
  description:
    'A log group or log stream was deleted, a metric filter (what CIS alarms count) or a ' +
    `subscription filter (what forwards logs to a SIEM) was removed, or retention was set ` +
    `to ${SHORT_RETENTION_DAYS} days or less (${TRAIL_GROUP_RETENTION_DAYS} days or less on ` +
    "CloudTrail's log group, medium above a week). High when the log group looks like CloudTrail's " +
    '(its name contains "cloudtrail"): the account\'s audit copy and every alarm built on it ' +
    'go with it. Changes made by CloudFormation on a stack update or teardown, and short ' +
    'retention on other groups, are low: infrastructure as code sets short retention on ' +
    'function log groups routinely. Calls by AWS services through service-linked roles are ' +
    'ignored. Benign causes: stack teardown, cost clean-up, log pipeline changes.' +
    ' Denied attempts are reported one level lower.',
  attack: ['T1562.008', 'T1070'],
  references: [
    'CloudWatch.16',
    'https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DeleteLogGroup.html',
    'https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    {
      eventSource: 'logs.amazonaws.com',
      eventNames: [
        'DeleteLogGroup',
        'DeleteLogStream',
        'DeleteMetricFilter',
        'DeleteSubscriptionFilter',
        'PutRetentionPolicy',
      ],
    },
  ],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const what = action(event);
    if (!what) return undefined;
    const group = requestField(event, 'logGroupName', 'logGroupIdentifier') ?? 'unknown log group';
    let severity: Severity = 'medium';
    if (isTrailLogGroup(group)) {
      const days = retentionDays(event);
      const shortened = baseEventName(event.eventName) === 'PutRetentionPolicy';
      severity = shortened && days !== undefined && days > SHORT_RETENTION_DAYS ? 'medium' : 'high';
    } else if (
      baseEventName(event.eventName) === 'PutRetentionPolicy' ||
      invokedByAnyOf(event, CLOUDFORMATION)
    ) {
      severity = 'low';
    }
    return {
      summary: `${principalOf(event)} ${what} ${group}`,
      severity,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${group}`,
      resources: [group],
    };
  },
};
