import { baseEventName } from '../helpers/event-name.js';
import { asArray, asString, getPath, isFalse } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField, stringList } from '../helpers/request-values.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { CloudTrailEvent, Detector, FindingDraft, Severity } from '../types.js';

/** Member and administrator calls that cut an account out of central GuardDuty monitoring. */
const DISCONNECTS: ReadonlyMap<string, string> = new Map([
  ['DisassociateFromMasterAccount', 'disassociated the detector from its administrator account'],
  [
    'DisassociateFromAdministratorAccount',
    'disassociated the detector from its administrator account',
  ],
  ['DeleteMembers', 'deleted member accounts'],
  ['DisassociateMembers', 'disassociated member accounts'],
  ['StopMonitoringMembers', 'stopped monitoring member accounts'],
]);

/** Protection plans an UpdateDetector turns off, in either the current or the deprecated form. */
function disabledProtections(requestParameters: unknown): string[] {
  const off: string[] = [];
  for (const feature of asArray(getPath(requestParameters, 'features'))) {
    const status = asString(getPath(feature, 'status'))?.toUpperCase();
    const name = asString(getPath(feature, 'name'));
    if (status === 'DISABLED' && name) off.push(name);
  }
  const sources = getPath(requestParameters, 'dataSources');
  if (isFalse(getPath(sources, 's3Logs', 'enable'))) off.push('S3 logs');
  if (isFalse(getPath(sources, 'kubernetes', 'auditLogs', 'enable'))) off.push('EKS audit logs');
  return off;
}

function draft(event: CloudTrailEvent, what: string, severity: Severity): FindingDraft {
  const detector = requestField(event, 'detectorId') ?? 'unknown detector';
  const region = event.awsRegion ?? 'unknown region';
  return {
    summary: `${principalOf(event)} ${what} (GuardDuty detector ${detector}, ${region})`,
    severity,
    dedupKey: `${accountOf(event)}|${region}|${principalForDedup(event)}|GuardDuty`,
    resources: [detector],
  };
}

/** GuardDuty was turned off, lost protection plans, or was cut off from central monitoring. */
export const guarddutyDisabled: Detector = {
  id: 'guardduty-disabled',
  title: 'GuardDuty disabled or disconnected',
  severity: 'high',
  description:
    'A GuardDuty detector was deleted or suspended (UpdateDetector enable=false), a member ' +
    'left its administrator account, or an administrator deleted, disassociated or stopped ' +
    'monitoring members. Threat detection stops for that account and region, or its findings ' +
    'no longer reach the security team. Turning off individual protection plans (S3, EKS, ' +
    'malware, RDS, Lambda, runtime monitoring) is medium. Benign causes: account ' +
    'offboarding, cost reduction in sandboxes, re-organising the delegated administrator.' +
    ' Denied attempts are reported one level lower.',
  attack: ['T1562.001'],
  references: [
    'GuardDuty.1',
    'https://docs.aws.amazon.com/guardduty/latest/APIReference/API_UpdateDetector.html',
    'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_suspend-disable.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    {
      eventSource: 'guardduty.amazonaws.com',
      eventNames: ['DeleteDetector', 'UpdateDetector', ...DISCONNECTS.keys()],
    },
  ],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const api = baseEventName(event.eventName);
    if (api === 'DeleteDetector') return draft(event, 'deleted GuardDuty', 'high');
    if (api === 'UpdateDetector') {
      if (isFalse(getPath(event.requestParameters, 'enable'))) {
        return draft(event, 'suspended GuardDuty', 'high');
      }
      const off = disabledProtections(event.requestParameters);
      return off.length > 0
        ? draft(event, `turned off GuardDuty protections ${off.join(', ')}`, 'medium')
        : undefined;
    }
    const disconnect = DISCONNECTS.get(api);
    if (!disconnect) return undefined;
    const members = stringList(getPath(event.requestParameters, 'accountIds'));
    const whom = members.length > 0 ? ` ${members.slice(0, 10).join(', ')}` : '';
    return draft(event, `${disconnect}${whom}`, 'high');
  },
};
