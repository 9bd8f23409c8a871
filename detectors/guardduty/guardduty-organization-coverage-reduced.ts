import { baseEventName } from '../helpers/event-name.js';
import { asArray, asString, getPath, isFalse } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { CloudTrailEvent, Detector, FindingDraft, Severity } from '../types.js';

function upper(value: unknown): string | undefined {
  return asString(value)?.trim().toUpperCase();
}

/** What an UpdateOrganizationConfiguration request stops enabling for member accounts. */
function autoEnableRemoved(request: unknown): string[] {
  const found: string[] = [];
  if (upper(getPath(request, 'autoEnableOrganizationMembers')) === 'NONE') {
    found.push('GuardDuty for new and existing members');
  } else if (isFalse(getPath(request, 'autoEnable'))) {
    found.push('GuardDuty for new members');
  }
  for (const feature of asArray(getPath(request, 'features')).slice(0, 20)) {
    if (upper(getPath(feature, 'autoEnable')) !== 'NONE') continue;
    found.push(asString(getPath(feature, 'name')) ?? 'a protection plan');
  }
  return found;
}

function draft(event: CloudTrailEvent, what: string, severity: Severity): FindingDraft {
  const region = event.awsRegion ?? 'an unknown region';
  return {
    summary: `${principalOf(event)} ${what} (${region})`,
    severity,
    dedupKey: `${accountOf(event)}|${event.awsRegion ?? ''}|${principalForDedup(event)}|GuardDutyOrganization`,
    resources: [requestField(event, 'adminAccountId', 'detectorId') ?? `GuardDuty in ${region}`],
  };
}

/** GuardDuty's organisation-wide administration removed, or no longer enabled for members. */
export const guarddutyOrganizationCoverageReduced: Detector = {
  id: 'guardduty-organization-coverage-reduced',
  title: 'GuardDuty organization coverage reduced',
  severity: 'high',
  description:
    'DisableOrganizationAdminAccount removed the GuardDuty delegated administrator (high: ' +
    "no account sees the organisation's findings in one place any more), or " +
    'UpdateOrganizationConfiguration stopped enabling GuardDuty or a protection plan for ' +
    'member accounts (autoEnableOrganizationMembers NONE, autoEnable false, a feature with ' +
    'autoEnable NONE; medium): accounts created from now on, or all of them, run without ' +
    'threat detection. Calls through service-linked roles are ignored. Denied attempts are ' +
    'reported one level lower. Benign causes: moving the delegated administrator, cost ' +
    'decisions about protection plans.',
  attack: ['T1562.001'],
  references: [
    'https://docs.aws.amazon.com/guardduty/latest/APIReference/API_DisableOrganizationAdminAccount.html',
    'https://docs.aws.amazon.com/guardduty/latest/APIReference/API_UpdateOrganizationConfiguration.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    {
      eventSource: 'guardduty.amazonaws.com',
      eventNames: ['DisableOrganizationAdminAccount', 'UpdateOrganizationConfiguration'],
    },
  ],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    if (baseEventName(event.eventName) === 'DisableOrganizationAdminAccount') {
      const admin = requestField(event, 'adminAccountId') ?? 'an unknown account';
      return draft(event, `removed ${admin} as GuardDuty delegated administrator`, 'high');
    }
    const removed = autoEnableRemoved(event.requestParameters);
    if (removed.length === 0) return undefined;
    return draft(event, `stopped auto-enabling ${removed.join(', ')}`, 'medium');
  },
};
