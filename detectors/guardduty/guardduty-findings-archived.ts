import { asArray, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector } from '../types.js';

/** Archiving this many findings in one call is bulk hiding, not triage. */
const MANY_FINDINGS = 10;

/** GuardDuty findings archived by hand: they leave the active view and stop being exported. */
export const guarddutyFindingsArchived: Detector = {
  id: 'guardduty-findings-archived',
  title: 'GuardDuty findings archived',
  severity: 'medium',
  description:
    'ArchiveFindings succeeded. Archived findings drop out of the GuardDuty console view ' +
    'and its exports; an attacker who can call it hides the findings their own activity ' +
    `raised. High when ${MANY_FINDINGS} or more findings go in one call. Suppression rules ` +
    '(filters with action ARCHIVE) are reported by guardduty-trusted-list-changed. Calls ' +
    'through service-linked roles are ignored. Denied attempts are reported one level ' +
    'lower. Benign causes: analysts closing findings after triage, automation that ' +
    'archives resolved findings.',
  attack: ['T1562.001'],
  references: [
    'https://docs.aws.amazon.com/guardduty/latest/APIReference/API_ArchiveFindings.html',
    'https://docs.aws.amazon.com/guardduty/latest/ug/findings_management.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'guardduty.amazonaws.com', eventNames: ['ArchiveFindings'] }],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const count = asArray(getPath(event.requestParameters, 'findingIds')).length;
    const detector = requestField(event, 'detectorId') ?? 'unknown detector';
    const what = count === 1 ? '1 finding' : `${count} findings`;
    return {
      summary: `${principalOf(event)} archived ${what} of GuardDuty detector ${detector}`,
      severity: count >= MANY_FINDINGS ? 'high' : 'medium',
      dedupKey: `${accountOf(event)}|${event.awsRegion ?? ''}|${principalForDedup(event)}|ArchiveFindings`,
      resources: [detector],
    };
  },
};
