import { getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector } from '../types.js';

/** A WAFv2 web ACL left with no rules and a default action of Allow: it filters nothing. */
export const wafWebAclRulesRemoved: Detector = {
  id: 'waf-web-acl-rules-removed',
  title: 'WAF web ACL emptied of rules',
  severity: 'high',
  description:
    'UpdateWebACL (WAFv2) succeeded with an empty rule list and a default action of Allow. ' +
    'The web ACL stays associated with its load balancers, API stages or distributions, so ' +
    'everything looks protected while every request passes: the quiet form of removing the ' +
    'web ACL (waf-web-acl-removed). Updates that keep rules, or block by default, do not ' +
    'alert. Calls through service-linked roles (Firewall Manager) are ignored. Denied ' +
    'attempts are reported one level lower. Benign causes: a web ACL temporarily emptied ' +
    'while rules are rebuilt, monitoring-only web ACLs.',
  attack: ['T1562.007'],
  references: [
    'https://docs.aws.amazon.com/waf/latest/APIReference/API_UpdateWebACL.html',
    'https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-default-action.html',
  ],
  runbook: 'api-protection-removed',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'wafv2.amazonaws.com', eventNames: ['UpdateWebACL'] }],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const request = event.requestParameters;
    const rules = getPath(request, 'rules');
    const allows = getPath(request, 'defaultAction', 'allow') !== undefined;
    if (!Array.isArray(rules) || rules.length > 0 || !allows) return undefined;
    const acl = requestField(event, 'name', 'id') ?? 'unknown web ACL';
    return {
      summary: `${principalOf(event)} removed every rule from WAF web ACL ${acl}, which now allows all requests`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|WebAclRules|${acl}`,
      resources: [acl],
    };
  },
};
