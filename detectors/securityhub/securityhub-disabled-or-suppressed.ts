import { baseEventName } from '../helpers/event-name.js';
import { asArray, asString, findAll, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { deepField } from '../helpers/request-values.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { CloudTrailEvent, Detector, Severity } from '../types.js';

/**
 * Analysts suppress findings one or a few at a time while triaging; suppressing
 * this many in one call is bulk hiding.
 */
const MASS_SUPPRESSION = 10;

interface Verdict {
  readonly what: string;
  readonly severity: Severity;
}

function upper(value: unknown): string | undefined {
  return asString(value)?.trim().toUpperCase();
}

/** True when some automation-rule action sets the workflow status to SUPPRESSED. */
function suppressesInRules(request: unknown): boolean {
  return findAll(request, 'FindingFieldsUpdate', 6).some(
    (update) => upper(getPath(update, 'Workflow', 'Status')) === 'SUPPRESSED',
  );
}

/** True when some control association update disables a control. */
function disablesControls(request: unknown): boolean {
  return findAll(request, 'AssociationStatus', 4).some((status) => upper(status) === 'DISABLED');
}

function judge(api: string, request: unknown): Verdict | undefined {
  switch (api) {
    case 'DisableSecurityHub':
      return { what: 'disabled Security Hub', severity: 'high' };
    case 'DisassociateFromAdministratorAccount':
    case 'DisassociateFromMasterAccount':
      return { what: 'disconnected Security Hub from its administrator account', severity: 'high' };
    case 'DeleteMembers':
    case 'DisassociateMembers':
      return { what: 'removed Security Hub member accounts', severity: 'medium' };
    case 'DisableImportFindingsForProduct':
      return { what: 'stopped importing findings from a product', severity: 'medium' };
    case 'BatchDisableStandards':
      return { what: 'disabled security standards', severity: 'medium' };
    case 'UpdateStandardsControl':
      return upper(getPath(request, 'ControlStatus')) === 'DISABLED'
        ? { what: 'disabled a standards control', severity: 'medium' }
        : undefined;
    case 'BatchUpdateStandardsControlAssociations':
      return disablesControls(request)
        ? { what: 'disabled standards controls', severity: 'medium' }
        : undefined;
    case 'DeleteInsight':
      return { what: 'deleted an insight', severity: 'low' };
    case 'CreateAutomationRule':
      if (upper(getPath(request, 'RuleStatus')) === 'DISABLED') return undefined;
      return suppressesInRules(request)
        ? { what: 'created an automation rule that suppresses findings', severity: 'medium' }
        : undefined;
    case 'BatchUpdateAutomationRules':
      return suppressesInRules(request)
        ? { what: 'changed automation rules to suppress findings', severity: 'medium' }
        : undefined;
    case 'UpdateFindings':
      // The older API archives every finding its filters match.
      return upper(getPath(request, 'RecordState')) === 'ARCHIVED'
        ? { what: 'archived findings by filter', severity: 'medium' }
        : undefined;
    case 'BatchUpdateFindings': {
      if (upper(getPath(request, 'Workflow', 'Status')) !== 'SUPPRESSED') return undefined;
      const count = asArray(getPath(request, 'FindingIdentifiers')).length;
      return count >= MASS_SUPPRESSION
        ? { what: `suppressed ${count} findings in one call`, severity: 'high' }
        : undefined;
    }
    default:
      return undefined;
  }
}

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
    "organisation's policy, bulk triage after an audit, offboarding accounts.",
  attack: ['T1562.001'],
  references: [
    'https://docs.aws.amazon.com/securityhub/latest/userguide/finding-update-batchupdatefindings.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/automation-rules.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-disable.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
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
    const verdict = judge(api, event.requestParameters);
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
