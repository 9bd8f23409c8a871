import { baseEventName } from '../helpers/event-name.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { deepField } from '../helpers/request-values.js';
import { judgeSecurityHubCall, MASS_SUPPRESSION } from '../helpers/securityhub-tampering.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { CloudTrailEvent, Detector } from '../types.js';

function targetOf(event: CloudTrailEvent): string {
  return (
    deepField(
      event.requestParameters,
      [
        'InsightArn',
        'ProductSubscriptionArn',
        'StandardsControlArn',
        'RuleName',
        'RuleArn',
        'SecurityControlId',
      ],
      4,
    ) ?? `Security Hub in ${event.awsRegion ?? 'an unknown region'}`
  );
}

/** Security Hub was turned off or disconnected, or findings and controls were hidden. */
export const securityhubDisabledOrSuppressed: Detector = {
  id: 'securityhub-disabled-or-suppressed',
  title: 'Security Hub disabled, or findings suppressed',
  severity: 'high',
  description:
    'Security Hub was disabled or a member left its administrator (high); a bulk ' +
    `BatchUpdateFindings suppressed ${MASS_SUPPRESSION} or more findings in one call (high); ` +
    'an automation rule that suppresses findings was created or changed, findings were ' +
    'archived by filter, a product integration, standard or control was disabled, or member ' +
    'accounts were removed (medium); an insight was deleted (low). Attackers hide the ' +
    'findings their activity raises, or stop them being collected. Suppressing a few ' +
    'findings while triaging is routine and does not alert. Calls Security Hub makes through ' +
    'its service-linked role are ignored. Benign causes: tuning standards to the ' +
    "organisation's policy, bulk triage after an audit, offboarding accounts." +
    ' Denied attempts are reported one level lower.',
  attack: ['T1562.001'],
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/finding-update-batchupdatefindings.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/automation-rules.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-disable.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    {
      eventSource: 'securityhub.amazonaws.com',
      eventNames: [
        'DisableSecurityHub',
        'DisassociateFromAdministratorAccount',
        'DisassociateFromMasterAccount',
        'DeleteMembers',
        'DisassociateMembers',
        'DisableImportFindingsForProduct',
        'BatchDisableStandards',
        'UpdateStandardsControl',
        'BatchUpdateStandardsControlAssociations',
        'DeleteInsight',
        'CreateAutomationRule',
        'BatchUpdateAutomationRules',
        'UpdateFindings',
        'BatchUpdateFindings',
      ],
    },
  ],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const api = baseEventName(event.eventName);
    const verdict = judgeSecurityHubCall(api, event.requestParameters);
    if (!verdict) return undefined;
    const target = targetOf(event);
    return {
      summary: `${principalOf(event)} ${verdict.what} (${target})`,
      severity: verdict.severity,
      dedupKey: `${accountOf(event)}|${event.awsRegion ?? ''}|${principalForDedup(event)}|${api}`,
      resources: [target],
    };
  },
};
