import type { Severity } from '../types.js';
import { asArray, asString, findAll, getPath } from './fields.js';

/**
 * Judging Security Hub calls that turn the service off, disconnect it, or hide
 * findings and controls. Request bodies are Security Hub's JSON (PascalCase);
 * `getPath` reads them without regard to case.
 */

/**
 * Analysts suppress findings one or a few at a time while triaging; suppressing
 * this many in one call is bulk hiding.
 */
export const MASS_SUPPRESSION = 10;

export interface SecurityHubVerdict {
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

/**
 * What a Security Hub call does to the findings pipeline, and how bad it is;
 * undefined when the call weakens nothing (enabling, resolving, small triage).
 */
export function judgeSecurityHubCall(
  api: string,
  request: unknown,
): SecurityHubVerdict | undefined {
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
