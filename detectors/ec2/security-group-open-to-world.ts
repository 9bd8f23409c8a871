import { asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import {
  describeOpening,
  describeReach,
  type ExposureSeverities,
  openPortsOf,
  worstOpening,
} from '../helpers/security-group-exposure.js';
import { ingressRulesOf } from '../helpers/security-group-rules.js';
import type { Detector } from '../types.js';

/**
 * The internet on an admin port is critical; a wide public range (a /8 or more)
 * one step lower; a prefix list the record cannot show the entries of is a review.
 */
const SEVERITY: ExposureSeverities = {
  internet: { admin: 'critical', other: 'high' },
  wide: { admin: 'high', other: 'medium' },
  'prefix-list': { admin: 'medium', other: 'medium' },
};

/** An ingress rule lets the whole internet reach a port that is not a public web port. */
export const securityGroupOpenToWorld: Detector = {
  id: 'security-group-open-to-world',
  title: 'Security group opened to the internet',
  severity: 'high',
  description:
    'AuthorizeSecurityGroupIngress added rules that let the internet in. Sources are judged ' +
    'together as a set of addresses, not by spelling: 0.0.0.0/0 and ::/0 in any notation, ' +
    '0.0.0.0/1 plus 128.0.0.0/1, 2000::/3 (all of the IPv6 internet), or the public /8s written ' +
    'out, across every range and permission of the call, count as the internet once they cover ' +
    'half of the public IPv4 or global unicast IPv6 space. Critical when that reaches a ' +
    'remote-administration, file-sharing, database or Docker API port (22, 3389, 23, 21, 445, ' +
    '5985/5986, 1433, 1521, 3306, 5432, 6379, 9200, 27017, 2375/2376) or every port; high for ' +
    'any other port. A public range of a /8 or more (but less than half the internet) is one ' +
    'step lower. A customer-managed prefix list (pl-...) on such a port is medium: its entries ' +
    'are not in the record and could be 0.0.0.0/0; AWS-managed lists (CloudFront origin-facing, ' +
    'S3, DynamoDB) are not the internet. Rules that open only TCP/UDP 80 or 443, or only ICMP, ' +
    'do not alert: that is what a public load balancer or web server needs (Security Hub EC2.18 ' +
    'authorises 80/443 by default). Egress rules, private ranges, office and partner ranges and ' +
    'security-group references are not exposure. Benign causes: a temporary debugging rule, a ' +
    'lab account, a service that is public by design on a non-web port. Rules widened in place ' +
    'by ModifySecurityGroupRules raise security-group-rule-modified-to-world.',
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
    'https://docs.aws.amazon.com/vpc/latest/userguide/working-with-aws-managed-prefix-lists.html',
  ],
  runbook: 'network-exposure',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'ec2.amazonaws.com', eventNames: ['AuthorizeSecurityGroupIngress'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const open = worstOpening(openPortsOf(ingressRulesOf(event)), SEVERITY);
    if (!open) return undefined;
    const group =
      asString(getPath(event.requestParameters, 'groupId')) ??
      asString(getPath(event.requestParameters, 'groupName')) ??
      'unknown security group';
    return {
      summary: `${principalOf(event)} opened ${group} to ${describeReach(open.reach)}: ${describeOpening(open)}`,
      severity: SEVERITY[open.reach][open.exposure],
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${group}`,
      resources: [group],
    };
  },
};
