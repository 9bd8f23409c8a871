import { baseEventName } from '../helpers/event-name.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import type { Detector, Severity } from '../types.js';

interface Exit {
  readonly severity: Severity;
  readonly phrase: (account: string) => string;
}

const EXITS: ReadonlyMap<string, Exit> = new Map([
  [
    'LeaveOrganization',
    { severity: 'critical', phrase: (a: string) => `made account ${a} leave the organisation` },
  ],
  [
    'RemoveAccountFromOrganization',
    { severity: 'high', phrase: (a: string) => `removed account ${a} from the organisation` },
  ],
  ['CloseAccount', { severity: 'high', phrase: (a: string) => `closed account ${a}` }],
]);

/** An account left the organisation, was removed from it, or was closed. */
export const organizationsLeave: Detector = {
  id: 'organizations-leave',
  title: 'Account left, removed from or closed in the organisation',
  severity: 'high',
  description:
    'LeaveOrganization (critical), RemoveAccountFromOrganization or CloseAccount (high) ' +
    'succeeded. An account that leaves the organisation sheds every service control ' +
    'policy, the organisation trail and delegated security services at once, and becomes ' +
    'a standalone account the attacker controls; closing an account destroys its workloads ' +
    'after the grace period. All three are logged by organizations.amazonaws.com in ' +
    'us-east-1 (CloseAccount by the management account, with CloseAccountResult later). A call ' +
    'refused for lack of permission (a service control policy denying the exit) is reported as ' +
    'an attempt one level lower: stolen credentials trying to pull the account out. ' +
    'Benign causes: planned account offboarding or divestiture, closing unused sandboxes.',
  attack: ['T1484.002', 'T1531', 'T1562'],
  references: [
    'CIS 5.15',
    'https://docs.aws.amazon.com/organizations/latest/APIReference/API_LeaveOrganization.html',
    'https://docs.aws.amazon.com/organizations/latest/APIReference/API_CloseAccount.html',
    'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_cloudtrail-integration.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'organizations.amazonaws.com', eventNames: [...EXITS.keys()] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const api = baseEventName(event.eventName);
    const exit = EXITS.get(api);
    if (!exit) return undefined;
    // LeaveOrganization is called from the member account itself and names no account.
    const account =
      api === 'LeaveOrganization'
        ? accountOf(event)
        : (requestField(event, 'accountId') ?? 'unknown');
    return {
      summary: `${principalOf(event)} ${exit.phrase(account)}`,
      severity: exit.severity,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${api}|${account}`,
      resources: [account],
    };
  },
};
