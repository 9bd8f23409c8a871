import { baseEventName } from '../helpers/event-name.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector } from '../types.js';

/** An AWS Config conformance pack, with every rule in it, was deleted. */
export const configConformancePackDeleted: Detector = {
  id: 'config-conformance-pack-deleted',
  title: 'AWS Config conformance pack deleted',
  severity: 'medium',
  description:
    'DeleteConformancePack (medium) or DeleteOrganizationConformancePack (high: every member ' +
    'account loses it) succeeded. A conformance pack bundles the Config rules and ' +
    'remediations that check a compliance baseline; deleting it removes them all at once, ' +
    'so changes that break the baseline stop being flagged. Removals AWS Config makes ' +
    'through its service-linked roles (an organisation pack withdrawn from a member) are ' +
    'ignored. Denied attempts are reported one level lower. Benign causes: replacing a pack ' +
    'with a new version, retiring a framework.',
  attack: ['T1562.001'],
  references: [
    'https://docs.aws.amazon.com/config/latest/APIReference/API_DeleteConformancePack.html',
    'https://docs.aws.amazon.com/config/latest/APIReference/API_DeleteOrganizationConformancePack.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    {
      eventSource: 'config.amazonaws.com',
      eventNames: ['DeleteConformancePack', 'DeleteOrganizationConformancePack'],
    },
  ],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const organization = baseEventName(event.eventName) === 'DeleteOrganizationConformancePack';
    const pack =
      requestField(event, 'conformancePackName', 'organizationConformancePackName') ??
      'unknown pack';
    return {
      summary: `${principalOf(event)} deleted ${organization ? 'organization ' : ''}conformance pack ${pack}`,
      severity: organization ? 'high' : 'medium',
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|ConformancePack|${pack}`,
      resources: [pack],
    };
  },
};
