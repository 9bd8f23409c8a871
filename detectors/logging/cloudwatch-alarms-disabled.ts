import { baseEventName } from '../helpers/event-name.js';
import { getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { stringList } from '../helpers/request-values.js';
import { mentionsSecurityTooling } from '../helpers/security-names.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector } from '../types.js';

/**
 * Auto Scaling target-tracking policies own alarms named `TargetTracking-...` and
 * replace them whenever a policy changes; AWS says not to edit them by hand.
 */
function isAutoScalingAlarm(name: string): boolean {
  return name.startsWith('TargetTracking-');
}

/** CloudWatch alarms were deleted, or their actions (notifications) switched off. */
export const cloudwatchAlarmsDisabled: Detector = {
  id: 'cloudwatch-alarms-disabled',
  title: 'CloudWatch alarms deleted or silenced',
  severity: 'medium',
  description:
    'DeleteAlarms or DisableAlarmActions succeeded. The CIS monitoring controls are alarms ' +
    'on metric filters; deleting them, or disabling their actions so they change state ' +
    'without notifying anyone, silences the alerting quietly. High when an alarm name ' +
    'points at security monitoring (CloudTrail, GuardDuty, Security Hub, CIS, trailwatch). ' +
    'Auto Scaling target-tracking alarms and calls by AWS services through service-linked ' +
    'roles are ignored. Benign causes: maintenance windows (DisableAlarmActions), stack ' +
    'teardown, alarm clean-up.',
  attack: ['T1562.001'],
  references: [
    'CloudWatch.17',
    'https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DeleteAlarms.html',
    'https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DisableAlarmActions.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'monitoring.amazonaws.com',
      eventNames: ['DeleteAlarms', 'DisableAlarmActions'],
    },
  ],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const alarms = stringList(getPath(event.requestParameters, 'alarmNames')).filter(
      (name) => !isAutoScalingAlarm(name),
    );
    if (alarms.length === 0) return undefined;
    const verb =
      baseEventName(event.eventName) === 'DeleteAlarms' ? 'deleted' : 'disabled actions of';
    const shown = alarms.slice(0, 5).join(', ') + (alarms.length > 5 ? ', ...' : '');
    return {
      summary: `${principalOf(event)} ${verb} ${alarms.length === 1 ? 'alarm' : `${alarms.length} alarms:`} ${shown}`,
      severity: alarms.some(mentionsSecurityTooling) ? 'high' : 'medium',
      dedupKey: `${accountOf(event)}|${event.awsRegion ?? ''}|${principalForDedup(event)}|${event.eventName}`,
      resources: alarms.slice(0, 50),
    };
  },
};
