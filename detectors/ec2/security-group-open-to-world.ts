import { asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import {
  describeRule,
  type Exposure,
  exposureOf,
  type IngressRule,
  worldOpenIngressRules,
} from '../helpers/security-group-rules.js';
import type { Detector, Severity } from '../types.js';

const RANK: Readonly<Record<Exposure, number>> = { admin: 3, other: 2, web: 1, icmp: 0 };

/** Web (80/443) and ICMP rules open to the world are what public load balancers need: no alert. */
const SEVERITY: Readonly<Record<Exposure, Severity | undefined>> = {
  admin: 'critical',
  other: 'high',
  web: undefined,
  icmp: undefined,
};

function worst(rules: readonly IngressRule[]): IngressRule | undefined {
  let found: IngressRule | undefined;
  for (const rule of rules) {
    if (!found || RANK[exposureOf(rule)] > RANK[exposureOf(found)]) found = rule;
  }
  return found;
}

/** An ingress rule lets the whole internet reach a port that is not a public web port. */
export const securityGroupOpenToWorld: Detector = {
  id: 'security-group-open-to-world',
  title: 'Security group opened to the internet',
  severity: 'high',
  description:
    'AuthorizeSecurityGroupIngress added a rule whose source is 0.0.0.0/0 or ::/0. Critical when ' +
    'it reaches a remote-administration, file-sharing, database or Docker API port (22, 3389, 23, ' +
    '21, 445, 5985/5986, 1433, 1521, 3306, 5432, 6379, 9200, 27017, 2375/2376) or every port; ' +
    'high for any other port. Rules that open only TCP/UDP 80 or 443, or only ICMP, do not alert: ' +
    'that is what a public load balancer or web server needs (Security Hub EC2.18 authorises ' +
    '80/443 by default). Egress rules, private ranges, single addresses and security-group ' +
    'references are not exposure. Benign causes: a temporary debugging rule, a lab account, a ' +
    'service that is public by design on a non-web port. ModifySecurityGroupRules can also widen ' +
    'a rule, but its CloudTrail record does not say whether the rule is ingress or egress, so it ' +
    'is not judged here.',
  attack: ['T1562.007'],
  references: [
    // Security Hub's ids; the CIS networking numbers differ between Benchmark versions.
    'EC2.13',
    'EC2.14',
    'EC2.18',
    'EC2.19',
    'CloudWatch.10',
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AuthorizeSecurityGroupIngress.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html',
  ],
  runbook: 'network-exposure',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'ec2.amazonaws.com', eventNames: ['AuthorizeSecurityGroupIngress'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const rules = worldOpenIngressRules(event);
    const rule = worst(rules);
    const severity = rule && SEVERITY[exposureOf(rule)];
    if (!rule || !severity) return undefined;
    const group =
      asString(getPath(event.requestParameters, 'groupId')) ??
      asString(getPath(event.requestParameters, 'groupName')) ??
      'unknown security group';
    return {
      summary: `${principalOf(event)} opened ${group} to the internet: ${describeRule(rule)} from ${rule.cidr}`,
      severity,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${group}`,
      resources: [group],
    };
  },
};
