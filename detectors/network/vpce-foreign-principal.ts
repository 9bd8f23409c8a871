import { accountOf, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { isTrustedAccount } from '../helpers/resource-principal.js';
import {
  callerAccountOf,
  endpointOf,
  endpointOwnerOf,
  isVpceEvent,
} from '../helpers/vpce-event.js';
import type { Detector, RawHint } from '../types.js';

/** Network activity events always carry their event type's bytes. */
const VPCE_HINT: RawHint = { contains: ['AwsVpceEvent'] };

/** Credentials of an outside account were used through one of our VPC endpoints. */
export const vpceForeignPrincipal: Detector = {
  id: 'vpce-foreign-principal',
  title: 'Outside credentials used through a VPC endpoint',
  severity: 'high',
  description:
    'A CloudTrail network activity event (eventType AwsVpceEvent) shows a call through one of ' +
    "the organisation's VPC endpoints by a principal of an account that is neither the " +
    "endpoint's owner nor in trustedAccounts (CloudTrail shows such callers as a redacted " +
    'AWSAccount identity). Code inside the network using its own keys from another account is ' +
    'how data leaves for an attacker-owned bucket or key while looking like internal traffic. ' +
    'High when the call went through (the endpoint policy does not pin principals to the ' +
    'organisation); medium when the policy refused it. The record names no organisation, so ' +
    'every account of the organisation that shares these endpoints (shared VPCs) must be in ' +
    'trustedAccounts. Needs network activity events enabled on the trail. Benign causes: ' +
    'shared VPCs with accounts missing from trustedAccounts, vendor agents calling home with ' +
    'their own credentials.',
  attack: ['T1537', 'T1567', 'T1078.004'],
  references: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-network-events-with-cloudtrail.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-events.html',
  ],
  runbook: 'data-exfiltration',
  dedupWindowSeconds: 3600,
  networkActivity: true,
  listensTo: [{ eventSource: '*', eventNames: '*' }],
  rawHint: () => VPCE_HINT,
  match(event, ctx) {
    // Runs on every event: the event type comparison rejects almost all of them first.
    if (!isVpceEvent(event) || event.userIdentity?.type === 'AWSService') return undefined;
    const owner = endpointOwnerOf(event);
    const caller = callerAccountOf(event);
    if (!caller || isTrustedAccount(caller, owner, ctx.settings)) return undefined;
    const endpoint = endpointOf(event);
    const allowed = succeeded(event);
    const outcome = allowed ? 'called' : `was refused (${event.errorCode ?? 'an error'})`;
    return {
      summary: `A principal of account ${caller} (${principalOf(event)}) ${outcome} ${event.eventSource} ${event.eventName} through VPC endpoint ${endpoint}`,
      severity: allowed ? 'high' : 'medium',
      dedupKey: `${accountOf(event)}|${caller}|${endpoint}|${allowed ? 'allowed' : 'denied'}`,
      resources: [endpoint],
    };
  },
};
