import { busPolicyChangeOf } from '../helpers/event-bus-grant.js';
import { principalForDedup, principalOf } from '../helpers/identity.js';
import { judgeOrganization } from '../helpers/organization-trust.js';
import { succeeded } from '../helpers/outcome.js';
import {
  conditionValues,
  describeExposure,
  policyExposures,
  readTypedPolicy,
  type TypedStatement,
} from '../helpers/policy-exposure.js';
import type { Detector, DetectorSettings, Severity } from '../types.js';

interface Opening {
  readonly who: string;
  readonly severity: Severity;
}

/**
 * With no trustedOrganizationIds the shared evaluator has no opinion on `*`
 * limited by aws:PrincipalOrgID; such a grant still admits a whole organisation
 * we cannot vouch for, so it is reported at the organisation verdict (medium).
 */
function unverifiedOrganizations(
  statements: readonly TypedStatement[],
  settings: DetectorSettings,
): Opening[] {
  if (settings.trustedOrganizationIds.length > 0) return [];
  return statements
    .filter((s) => s.statement.effect.trim().toLowerCase() === 'allow' && s.aws.includes('*'))
    .flatMap((s) => conditionValues(s.statement, 'aws:PrincipalOrgID'))
    .map((org) => judgeOrganization(org, settings))
    .filter((v) => v !== undefined)
    .map((v) => ({ who: `organization ${v.organization}`, severity: v.severity }));
}

/** An EventBridge bus now accepts events from anyone, or from an untrusted account or organisation. */
export const eventbridgeBusOpened: Detector = {
  id: 'eventbridge-bus-opened',
  title: 'EventBridge event bus opened to the public or another account',
  severity: 'high',
  description:
    'PutPermission let `*`, an account that is neither the bus owner nor in trustedAccounts, ' +
    'or an organisation missing from trustedOrganizationIds send to an event bus, through the ' +
    'legacy Principal/Condition fields or the Policy document. Whoever may put events on a bus ' +
    'can trigger every rule on it and feed its targets (functions, automation, queues) with ' +
    'forged events. `*` with only a TLS or other non-identity condition counts as public. ' +
    'Medium for an organisation when no trustedOrganizationIds are set. Benign causes: central ' +
    'event buses that collect from member accounts missing from trustedAccounts, partner ' +
    'integrations.',
  attack: ['T1098'],
  references: [
    'https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutPermission.html',
    'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-bus-perms.html',
  ],
  runbook: 'data-exfiltration',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'events.amazonaws.com', eventNames: ['PutPermission'] }],
  match(event, ctx) {
    if (!succeeded(event)) return undefined;
    const change = busPolicyChangeOf(event);
    if (!change) return undefined;
    const statements = readTypedPolicy(change.policy);
    if (!statements) return undefined;
    const openings: Opening[] = [
      ...policyExposures(statements, change.owner, ctx.settings).map((e) => ({
        who: describeExposure(e),
        severity: 'high' as const,
      })),
      ...unverifiedOrganizations(statements, ctx.settings),
    ];
    const worst = openings.find((o) => o.severity === 'high') ?? openings[0];
    if (!worst) return undefined;
    return {
      summary: `${principalOf(event)} let ${openings.map((o) => o.who).join(', ')} put events on event bus ${change.bus}`,
      severity: worst.severity,
      dedupKey: `${change.owner}|${principalForDedup(event)}|event-bus|${change.bus}`,
      resources: [change.bus],
    };
  },
};
