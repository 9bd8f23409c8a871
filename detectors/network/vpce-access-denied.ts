import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { isTrustedAccount } from '../helpers/resource-principal.js';
import {
  callerAccountOf,
  endpointOf,
  endpointOwnerOf,
  isVpceEvent,
  VPCE_DENIED,
} from '../helpers/vpce-event.js';
import type { Detector, RawHint } from '../types.js';

/** A refused network activity event always carries the error code's bytes. */
const DENIED_HINT: RawHint = { contains: [VPCE_DENIED] };

/** A call from inside the organisation was refused by a VPC endpoint policy. */
export const vpceAccessDenied: Detector = {
  id: 'vpce-access-denied',
  title: 'Call refused by a VPC endpoint policy',
  severity: 'medium',
  description:
    'A CloudTrail network activity event (eventType AwsVpceEvent) shows a call through one of ' +
    "the organisation's VPC endpoints refused by the endpoint policy (errorCode " +
    'VpceAccessDenied), made by a principal of this account or a trusted one. Endpoint policies ' +
    'are the data perimeter: they refuse buckets, keys and secrets outside the organisation, so ' +
    'a refusal often means a workload, or someone on it, trying to send data to a resource of ' +
    'another account (a personal bucket) or to use credentials where they should not. Calls by ' +
    'principals of other accounts raise vpce-foreign-principal instead. Needs network activity ' +
    'events enabled on the trail. Benign causes: a new dependency on an external resource (a ' +
    'vendor bucket, a public dataset) that the policy does not list yet, policy changes being ' +
    'rolled out.',
  attack: ['T1567', 'T1537'],
  references: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-network-events-with-cloudtrail.html',
    'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html',
  ],
  runbook: 'data-exfiltration',
  dedupWindowSeconds: 3600,
  networkActivity: true,
  listensTo: [{ eventSource: '*', eventNames: '*' }],
  rawHint: () => DENIED_HINT,
  match(event, ctx) {
    // Runs on every event: the error code comparison rejects almost all of them first.
    if (event.errorCode !== VPCE_DENIED || !isVpceEvent(event)) return undefined;
    const owner = endpointOwnerOf(event);
    const caller = callerAccountOf(event);
    if (caller && !isTrustedAccount(caller, owner, ctx.settings)) return undefined;
    const endpoint = endpointOf(event);
    return {
      summary: `${principalOf(event)} was refused ${event.eventSource} ${event.eventName} by the policy of VPC endpoint ${endpoint}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${endpoint}`,
      resources: [endpoint],
    };
  },
};
