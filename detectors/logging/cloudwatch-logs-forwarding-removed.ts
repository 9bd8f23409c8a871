import { baseEventName } from '../helpers/event-name.js';
import { asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { CloudTrailEvent, Detector, Severity } from '../types.js';

interface Removal {
  readonly what: string;
  readonly target: string;
  readonly severity: Severity;
}

function removal(event: CloudTrailEvent): Removal | undefined {
  switch (baseEventName(event.eventName)) {
    case 'DeleteAccountPolicy': {
      const type = asString(getPath(event.requestParameters, 'policyType'))?.trim().toUpperCase();
      if (type !== 'SUBSCRIPTION_FILTER_POLICY') return undefined;
      return {
        what: 'deleted the account-wide subscription filter policy',
        target: requestField(event, 'policyName') ?? 'unnamed policy',
        severity: 'high',
      };
    }
    case 'DeleteDestination':
      return {
        what: 'deleted the cross-account log destination',
        target: requestField(event, 'destinationName') ?? 'unknown destination',
        severity: 'medium',
      };
    case 'DeleteDelivery':
      return {
        what: 'deleted the log delivery',
        target: requestField(event, 'id') ?? 'unknown delivery',
        severity: 'medium',
      };
    case 'DeleteDeliveryDestination':
      return {
        what: 'deleted the log delivery destination',
        target: requestField(event, 'name') ?? 'unknown destination',
        severity: 'medium',
      };
    default:
      return undefined;
  }
}

/** CloudWatch Logs forwarding to a SIEM or central account removed at the account or delivery level. */
export const cloudwatchLogsForwardingRemoved: Detector = {
  id: 'cloudwatch-logs-forwarding-removed',
  title: 'CloudWatch Logs forwarding removed',
  severity: 'medium',
  description:
    'DeleteAccountPolicy removed an account-level subscription filter policy (high: every ' +
    'log group of the account stops streaming to the central account or SIEM at once), ' +
    'DeleteDestination removed the destination other accounts stream into, or ' +
    'DeleteDelivery / DeleteDeliveryDestination stopped a vended log delivery (medium). ' +
    'Logs keep arriving locally, so nothing looks broken where the attacker works. ' +
    'Per-log-group subscription filters are reported by cloudwatch-logs-deleted. Calls ' +
    'through service-linked roles are ignored. Denied attempts are reported one level ' +
    'lower. Benign causes: re-pointing forwarding at a new SIEM, stack teardown.',
  attack: ['T1562.008'],
  references: [
    'https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DeleteAccountPolicy.html',
    'https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DeleteDestination.html',
    'https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DeleteDelivery.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    {
      eventSource: 'logs.amazonaws.com',
      eventNames: [
        'DeleteAccountPolicy',
        'DeleteDestination',
        'DeleteDelivery',
        'DeleteDeliveryDestination',
      ],
    },
  ],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const found = removal(event);
    if (!found) return undefined;
    return {
      summary: `${principalOf(event)} ${found.what} ${found.target}`,
      severity: found.severity,
      dedupKey: `${accountOf(event)}|${event.awsRegion ?? ''}|${principalForDedup(event)}|LogForwarding`,
      resources: [found.target],
    };
  },
};
