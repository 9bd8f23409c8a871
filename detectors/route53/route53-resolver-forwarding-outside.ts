import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import { asArray, asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { formatIp, isPublicAddress, parseIp } from '../helpers/ip-address.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import type { Detector } from '../types.js';

/** Resolver rules hold at most 6 target addresses; more is not a real request. */
const MAX_TARGETS = 16;

/** The public addresses among a rule's target resolvers. */
function publicTargets(targets: unknown): string[] {
  const out: string[] = [];
  for (const target of asArray(targets).slice(0, MAX_TARGETS)) {
    const ip = parseIp(getPath(target, 'ip') ?? getPath(target, 'ipv6'));
    if (ip && isPublicAddress(ip)) out.push(formatIp(ip));
  }
  return out;
}

/** A Route 53 Resolver forwarding rule sends DNS queries to resolvers on the internet. */
export const route53ResolverForwardingOutside: Detector = {
  id: 'route53-resolver-forwarding-outside',
  title: 'Route 53 Resolver forwards queries to internet resolvers',
  severity: 'medium',
  description:
    'CreateResolverRule or UpdateResolverRule set a FORWARD rule whose target resolvers include ' +
    'public addresses. Every query of the VPCs using the rule for that domain leaves for a ' +
    'server outside: whoever runs it sees internal names and can answer with its own addresses, ' +
    'redirecting traffic (and data) wherever it likes. High when the rule covers every domain ' +
    '("."). Private addresses (on-premises resolvers over VPN or Direct Connect) do not alert. ' +
    'Calls through CloudFormation or another AWS service are ignored. Benign causes: ' +
    'forwarding to a DNS provider or a partner resolver on the internet.',
  attack: ['T1584.001', 'T1048'],
  references: [
    'https://docs.aws.amazon.com/Route53/latest/APIReference/API_route53resolver_CreateResolverRule.html',
    'https://docs.aws.amazon.com/Route53/latest/APIReference/API_route53resolver_UpdateResolverRule.html',
  ],
  runbook: 'data-exfiltration',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'route53resolver.amazonaws.com',
      eventNames: ['CreateResolverRule', 'UpdateResolverRule'],
    },
  ],
  match(event) {
    if (!succeeded(event) || calledThroughAwsService(event)) return undefined;
    const request = event.requestParameters;
    const targets = getPath(request, 'targetIps') ?? getPath(request, 'config', 'targetIps');
    const outside = publicTargets(targets);
    if (outside.length === 0) return undefined;
    const domain =
      requestField(event, 'domainName') ??
      asString(getPath(event.responseElements, 'resolverRule', 'domainName')) ??
      'a domain';
    const rule =
      requestField(event, 'resolverRuleId', 'name') ??
      asString(getPath(event.responseElements, 'resolverRule', 'id')) ??
      'an unnamed rule';
    const everything = domain.trim() === '.' || domain.trim() === '';
    return {
      summary: `${principalOf(event)} set Resolver rule ${rule} to forward ${everything ? 'every domain' : domain} to ${outside.slice(0, 3).join(', ')}`,
      severity: everything ? 'high' : undefined,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${rule}`,
      resources: [rule],
    };
  },
};
