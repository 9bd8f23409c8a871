import { asArray, asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/** Addresses a classic WAF UpdateIPSet removes, when it removes and inserts nothing else. */
function classicRemovals(request: unknown): number {
  const updates = asArray(getPath(request, 'updates'));
  if (updates.length === 0) return 0;
  const allDeletes = updates.every(
    (u) => asString(getPath(u, 'action'))?.trim().toUpperCase() === 'DELETE',
  );
  return allDeletes ? updates.length : 0;
}

/** What the call did to the IP set, in words; undefined when it did not empty or shrink it. */
function emptied(event: CloudTrailEvent): string | undefined {
  const request = event.requestParameters;
  if (event.eventSource === 'wafv2.amazonaws.com') {
    const addresses = getPath(request, 'addresses');
    return Array.isArray(addresses) && addresses.length === 0 ? 'emptied' : undefined;
  }
  const removed = classicRemovals(request);
  return removed > 0 ? `removed ${removed} address${removed === 1 ? '' : 'es'} from` : undefined;
}

/** A WAF IP set emptied: a block list of attacker addresses that no longer blocks anyone. */
export const wafIpSetEmptied: Detector = {
  id: 'waf-ip-set-emptied',
  title: 'WAF IP set emptied',
  severity: 'medium',
  description:
    'UpdateIPSet replaced every address of a WAFv2 IP set with an empty list, or a classic ' +
    'WAF UpdateIPSet only deleted addresses. IP sets are how teams block the addresses of ' +
    'an attack in progress; emptying the block list lets them back in while every rule ' +
    'still looks in place. An emptied allow list only restricts access, so it is a ' +
    'benign cause, with rotating the addresses of a list, and clean-up. Calls through ' +
    'service-linked roles (Firewall Manager) are ignored.',
  attack: ['T1562.007'],
  references: [
    'https://docs.aws.amazon.com/waf/latest/APIReference/API_UpdateIPSet.html',
    'https://docs.aws.amazon.com/waf/latest/APIReference/API_waf_UpdateIPSet.html',
  ],
  runbook: 'api-protection-removed',
  dedupWindowSeconds: 3600,
  listensTo: [
    { eventSource: 'wafv2.amazonaws.com', eventNames: ['UpdateIPSet'] },
    { eventSource: 'waf-regional.amazonaws.com', eventNames: ['UpdateIPSet'] },
    { eventSource: 'waf.amazonaws.com', eventNames: ['UpdateIPSet'] },
  ],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const what = emptied(event);
    if (!what) return undefined;
    const set = requestField(event, 'name', 'iPSetId', 'id') ?? 'unknown IP set';
    return {
      summary: `${principalOf(event)} ${what} WAF IP set ${set}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|IPSet|${set}`,
      resources: [set],
    };
  },
};
