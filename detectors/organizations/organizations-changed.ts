import { baseEventName } from '../helpers/event-name.js';
import { principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import type { Detector } from '../types.js';

/**
 * Calls that take guardrails away: detaching or deleting a policy (service control
 * policies among them) or turning a policy type off for the whole organisation.
 */
const LOOSENING = new Set(['DetachPolicy', 'DeletePolicy', 'DisablePolicyType']);

/** CIS 5.15: every change to the organisation's structure, membership and policies. */
export const organizationsChanged: Detector = {
  id: 'organizations-changed',
  title: 'AWS Organizations changed (CIS 5.15)',
  severity: 'low',
  description:
    'An AWS Organizations call from the CIS AWS Foundations "Organizations changes" ' +
    'metric filter succeeded: accounts invited, created, moved or removed, organizational ' +
    'units and policies created, changed, attached or detached, handshakes accepted or ' +
    'declined. Raised to medium when a policy is detached or deleted or a policy type is ' +
    'disabled, because service control policies are the guardrails every member account ' +
    'relies on. Leaving the organisation and removing accounts also raise ' +
    'organizations-leave. Benign causes: account vending, landing-zone and policy ' +
    'pipelines, reorganising OUs.',
  attack: ['T1484.002', 'T1562'],
  references: [
    'CIS 5.15',
    'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_security_incident-response.html',
    'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html',
  ],
  runbook: 'iam-privilege-escalation',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'organizations.amazonaws.com',
      eventNames: [
        'AcceptHandshake',
        'AttachPolicy',
        'CancelHandshake',
        'CreateAccount',
        'CreateOrganization',
        'CreateOrganizationalUnit',
        'CreatePolicy',
        'DeclineHandshake',
        'DeleteOrganization',
        'DeleteOrganizationalUnit',
        'DeletePolicy',
        'EnableAllFeatures',
        'EnablePolicyType',
        'InviteAccountToOrganization',
        'LeaveOrganization',
        'DetachPolicy',
        'DisablePolicyType',
        'MoveAccount',
        'RemoveAccountFromOrganization',
        'UpdateOrganizationalUnit',
        'UpdatePolicy',
      ],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    const api = baseEventName(event.eventName);
    const subject = requestField(event, 'policyId', 'accountId', 'organizationalUnitId', 'name');
    const target = requestField(event, 'targetId', 'destinationParentId', 'rootId');
    const on = [subject, target ? `(target ${target})` : undefined].filter(Boolean).join(' ');
    return {
      summary: `${principalOf(event)} called ${api}${on ? ` on ${on}` : ''}`,
      severity: LOOSENING.has(api) ? 'medium' : 'low',
      resources: [subject, target].filter((r): r is string => r !== undefined),
    };
  },
};
