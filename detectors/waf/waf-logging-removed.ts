import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector } from '../types.js';

/** The request log of a WAF web ACL was turned off. */
export const wafLoggingRemoved: Detector = {
  id: 'waf-logging-removed',
  title: 'WAF web ACL logging removed',
  severity: 'medium',
  description:
    'DeleteLoggingConfiguration succeeded for a web ACL (WAFv2, classic WAF or WAF ' +
    'Regional): the record of every request the web ACL inspected, blocked or let through ' +
    'stops, so probing and exploitation of the application leave no trace at the edge. ' +
    'Calls through service-linked roles (Firewall Manager) are ignored. Denied attempts are ' +
    'reported one level lower. Benign causes: moving WAF logs to another destination, cost ' +
    'reduction on non-production web ACLs.',
  attack: ['T1562.008'],
  references: [
    'WAF.11',
    'https://docs.aws.amazon.com/waf/latest/APIReference/API_DeleteLoggingConfiguration.html',
    'https://docs.aws.amazon.com/waf/latest/developerguide/logging.html',
  ],
  runbook: 'api-protection-removed',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    { eventSource: 'wafv2.amazonaws.com', eventNames: ['DeleteLoggingConfiguration'] },
    { eventSource: 'waf-regional.amazonaws.com', eventNames: ['DeleteLoggingConfiguration'] },
    { eventSource: 'waf.amazonaws.com', eventNames: ['DeleteLoggingConfiguration'] },
  ],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const acl = requestField(event, 'resourceArn', 'ResourceArn') ?? 'unknown web ACL';
    return {
      summary: `${principalOf(event)} turned off logging of WAF web ACL ${acl}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|WafLogging|${acl}`,
      resources: [acl],
    };
  },
};
