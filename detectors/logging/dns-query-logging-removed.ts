import { baseEventName } from '../helpers/event-name.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import type { Detector } from '../types.js';

/** Route 53 Resolver query logging was deleted or detached from a VPC. */
export const dnsQueryLoggingRemoved: Detector = {
  id: 'dns-query-logging-removed',
  title: 'DNS query logging removed',
  severity: 'medium',
  description:
    'A Route 53 Resolver query logging configuration was deleted, or disassociated from a ' +
    'VPC. DNS query logs show which domains workloads resolve: command-and-control and ' +
    'DNS exfiltration leave their trace there. Benign causes: tearing down a VPC, moving ' +
    'query logging to a configuration shared through AWS RAM.',
  attack: ['T1562.008'],
  references: [
    'https://docs.aws.amazon.com/Route53/latest/APIReference/API_route53resolver_DeleteResolverQueryLogConfig.html',
    'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-query-logs.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'route53resolver.amazonaws.com',
      eventNames: ['DeleteResolverQueryLogConfig', 'DisassociateResolverQueryLogConfig'],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    const config = requestField(event, 'resolverQueryLogConfigId') ?? 'unknown query log config';
    const vpc = requestField(event, 'resourceId');
    const what =
      baseEventName(event.eventName) === 'DeleteResolverQueryLogConfig'
        ? `deleted DNS query logging configuration ${config}`
        : `detached DNS query logging ${config} from ${vpc ?? 'a VPC'}`;
    return {
      summary: `${principalOf(event)} ${what}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${config}`,
      resources: vpc ? [config, vpc] : [config],
    };
  },
};
