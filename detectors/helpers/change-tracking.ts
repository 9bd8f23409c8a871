import type { CloudTrailEvent, FindingDraft } from '../types.js';
import { baseEventName } from './event-name.js';
import { principalOf } from './identity.js';

/**
 * The finding of a change-tracking detector (the CIS monitoring sets): who
 * called which API on what. The dedup key is left to the engine's default
 * (account, principal, API) so a burst of routine changes by one principal
 * becomes one alert listing every resource touched.
 */
export function changeFinding(event: CloudTrailEvent, resource: string | undefined): FindingDraft {
  const api = baseEventName(event.eventName);
  const target = resource ? ` on ${resource}` : '';
  return {
    summary: `${principalOf(event)} called ${api}${target}`,
    resources: resource ? [resource] : [],
  };
}
