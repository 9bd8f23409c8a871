import { baseEventName } from '../helpers/event-name.js';
import { asArray, asString, findAll, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { MASS_SUPPRESSION } from '../helpers/securityhub-tampering.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { CloudTrailEvent, Detector, FindingDraft, Severity } from '../types.js';

/**
 * OCSF finding status ids that take a finding out of view: 3 Suppressed, and
 * 5 Archived and 6 Deleted in the OCSF versions that define them.
 */
const HIDING_STATUS = new Set([3, 5, 6]);

function hides(value: unknown): boolean {
  const id = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof id === 'number' && HIDING_STATUS.has(id);
}

/** True when some rule action of a V2 automation rule sets a hiding status. */
function ruleHides(request: unknown): boolean {
  return findAll(request, 'FindingFieldsUpdate', 5).some((u) => hides(getPath(u, 'StatusId')));
}

function draft(
  event: CloudTrailEvent,
  what: string,
  severity: Severity,
  target: string,
): FindingDraft {
  return {
    summary: `${principalOf(event)} ${what} (${target})`,
    severity,
    dedupKey: `${accountOf(event)}|${event.awsRegion ?? ''}|${principalForDedup(event)}|SecurityHubV2Suppression`,
    resources: [target],
  };
}

/** Security Hub (OCSF findings, the V2 APIs) told to suppress findings, by rule or in bulk. */
export const securityhubV2FindingsSuppressed: Detector = {
  id: 'securityhub-v2-findings-suppressed',
  title: 'Security Hub findings suppressed (V2 APIs)',
  severity: 'medium',
  description:
    'CreateAutomationRuleV2 or UpdateAutomationRuleV2 saved an enabled rule whose action sets ' +
    'the OCSF finding status to Suppressed (StatusId 3; Archived or Deleted where defined), ' +
    'so every matching finding, including the ones an attacker is about to cause, is hidden ' +
    `as it arrives (medium); BatchUpdateFindingsV2 suppressed ${MASS_SUPPRESSION} or more ` +
    'findings in one call (high). The same actions through the older APIs are reported by ' +
    'securityhub-disabled-or-suppressed. Suppressing a few findings while triaging does not ' +
    'alert. Calls through service-linked roles are ignored. Denied attempts are reported ' +
    'one level lower. Benign causes: tuning out noisy controls, bulk triage after an audit.',
  attack: ['T1562.001'],
  references: [
    'https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_CreateAutomationRuleV2.html',
    'https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_BatchUpdateFindingsV2.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    {
      eventSource: 'securityhub.amazonaws.com',
      eventNames: ['CreateAutomationRuleV2', 'UpdateAutomationRuleV2', 'BatchUpdateFindingsV2'],
    },
  ],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const request = event.requestParameters;
    if (baseEventName(event.eventName) === 'BatchUpdateFindingsV2') {
      if (!hides(getPath(request, 'StatusId'))) return undefined;
      const count =
        asArray(getPath(request, 'FindingIdentifiers')).length +
        asArray(getPath(request, 'MetadataUids')).length;
      if (count < MASS_SUPPRESSION) return undefined;
      return draft(
        event,
        `suppressed ${count} findings in one call`,
        'high',
        'Security Hub findings',
      );
    }
    const status = asString(getPath(request, 'RuleStatus'))?.trim().toUpperCase();
    if (status === 'DISABLED' || !ruleHides(request)) return undefined;
    const rule = requestField(event, 'RuleName', 'Identifier') ?? 'unnamed rule';
    return draft(event, 'saved an automation rule that suppresses findings', 'medium', rule);
  },
};
