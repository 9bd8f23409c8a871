import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import {
  describeOpening,
  describeReach,
  type ExposureSeverities,
  openPortsOf,
  worstOpening,
} from '../helpers/security-group-exposure.js';
import { modifiedGroupOf, modifiedRulesOf } from '../helpers/security-group-rules.js';
import type { Detector } from '../types.js';

/**
 * One step below security-group-open-to-world: the record cannot tell an ingress
 * rule from an egress one, and an egress rule to the internet is the default.
 */
const SEVERITY: ExposureSeverities = {
  internet: { admin: 'high', other: 'medium' },
  wide: { admin: 'medium', other: 'low' },
  'prefix-list': { admin: 'medium', other: 'medium' },
};

/** Existing security group rules were rewritten to let the internet in. */
export const securityGroupRuleModifiedToWorld: Detector = {
  id: 'security-group-rule-modified-to-world',
  title: 'Security group rule widened to the internet',
  severity: 'high',
  description:
    'ModifySecurityGroupRules rewrote existing rules so that their sources (or destinations) ' +
    'let the internet in: the way to open a port without adding a rule, which ' +
    'security-group-open-to-world (AuthorizeSecurityGroupIngress) does not see. Sources are ' +
    'judged as one set of addresses across every rule of the call, whatever the spelling ' +
    '(0.0.0.0/0, ::/0, 0.0.0.0/1 plus 128.0.0.0/1, 2000::/3). High when the rules reach a ' +
    'remote-administration, database or Docker port, or every port; medium for any other port; ' +
    'nothing for 80/443 alone or ICMP. A public range of a /8 or more on an admin port is ' +
    'medium (low on other ports); a customer-managed prefix list (its entries are not in the ' +
    'record) is medium on any port but 80/443. The record does not ' +
    'say whether a rule is ingress or egress, so an egress rule widened to the internet fires ' +
    'too. Description-only updates (UpdateSecurityGroupRuleDescriptions*) change no access and ' +
    'are not reported. Benign causes: restoring the default egress rule, temporary debugging ' +
    'access, lab accounts.',
  attack: ['T1562.007'],
  references: [
    'EC2.18',
    'EC2.19',
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifySecurityGroupRules.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_SecurityGroupRuleRequest.html',
  ],
  runbook: 'network-exposure',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'ec2.amazonaws.com', eventNames: ['ModifySecurityGroupRules'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const rules = modifiedRulesOf(event);
    const open = worstOpening(openPortsOf(rules), SEVERITY);
    if (!open) return undefined;
    const group = modifiedGroupOf(event) ?? 'unknown security group';
    const ids = [
      ...new Set(rules.filter((r) => open.sources.includes(r.source)).map((r) => r.ruleId)),
    ].filter((id): id is string => id !== undefined);
    const ruleIds = ids.length > 0 ? ` (${ids.slice(0, 3).join(', ')})` : '';
    return {
      summary: `${principalOf(event)} widened rules of ${group}${ruleIds} to ${describeReach(open.reach)}: ${describeOpening(open)}`,
      severity: SEVERITY[open.reach][open.exposure],
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${group}`,
      resources: [group],
    };
  },
};
