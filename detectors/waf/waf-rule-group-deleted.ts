import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector } from '../types.js';

/** A WAF rule group, with every rule in it, was deleted. */
export const wafRuleGroupDeleted: Detector = {
  id: 'waf-rule-group-deleted',
  title: 'WAF rule group deleted',
  severity: 'medium',
  description:
    'DeleteRuleGroup succeeded (WAFv2, classic WAF or WAF Regional). A rule group holds the ' +
    'rules that block injection, known-bad inputs, bots or abusive addresses; AWS only ' +
    'deletes one that no web ACL references any more, so deletion usually follows the ' +
    'change that took it out of a web ACL, and that protection is already gone. Calls ' +
    'through service-linked roles (Firewall Manager) are ignored. Denied attempts are ' +
    'reported one level lower. Benign causes: replacing custom rules with managed rule ' +
    'groups, clean-up after a migration.',
  attack: ['T1562.007'],
  references: [
    'https://docs.aws.amazon.com/waf/latest/APIReference/API_DeleteRuleGroup.html',
    'https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-groups.html',
  ],
  runbook: 'api-protection-removed',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    { eventSource: 'wafv2.amazonaws.com', eventNames: ['DeleteRuleGroup'] },
    { eventSource: 'waf-regional.amazonaws.com', eventNames: ['DeleteRuleGroup'] },
    { eventSource: 'waf.amazonaws.com', eventNames: ['DeleteRuleGroup'] },
  ],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const group = requestField(event, 'name', 'ruleGroupId', 'id') ?? 'unknown rule group';
    return {
      summary: `${principalOf(event)} deleted WAF rule group ${group}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|DeleteRuleGroup|${group}`,
      resources: [group],
    };
  },
};
