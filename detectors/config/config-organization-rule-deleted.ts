import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector } from '../types.js';

/** An AWS Config rule deployed to the whole organisation was deleted. */
export const configOrganizationRuleDeleted: Detector = {
  id: 'config-organization-rule-deleted',
  title: 'AWS Config organization rule deleted',
  severity: 'high',
  description:
    'DeleteOrganizationConfigRule succeeded: the rule is removed from every member account ' +
    'at once, so the compliance check it made (public buckets, open security groups, ' +
    'unencrypted volumes...) stops everywhere. Single-account rule deletions are reported ' +
    'by config-recorder-stopped. Denied attempts are reported one level lower. Benign ' +
    'causes: replacing the rule with a conformance pack, retiring a check the organisation ' +
    'no longer needs.',
  attack: ['T1562.001'],
  references: [
    'https://docs.aws.amazon.com/config/latest/APIReference/API_DeleteOrganizationConfigRule.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    { eventSource: 'config.amazonaws.com', eventNames: ['DeleteOrganizationConfigRule'] },
  ],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const rule = requestField(event, 'organizationConfigRuleName') ?? 'unknown rule';
    return {
      summary: `${principalOf(event)} deleted organization Config rule ${rule}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|OrganizationConfigRule`,
      resources: [rule],
    };
  },
};
