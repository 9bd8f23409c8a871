import { baseEventName } from '../helpers/event-name.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { mentionsSecurityTooling } from '../helpers/security-names.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector, Severity } from '../types.js';

const ACTIONS: ReadonlyMap<string, { verb: string; severity: Severity }> = new Map([
  ['DisableRule', { verb: 'disabled EventBridge rule', severity: 'medium' }],
  ['DeleteRule', { verb: 'deleted EventBridge rule', severity: 'medium' }],
  ['RemoveTargets', { verb: 'removed targets from EventBridge rule', severity: 'low' }],
]);

/** An EventBridge rule was disabled or deleted, or lost its targets. */
export const eventbridgeRuleDisabled: Detector = {
  id: 'eventbridge-rule-disabled',
  title: 'EventBridge rule disabled, deleted or detached',
  severity: 'medium',
  description:
    'DisableRule or DeleteRule (medium) or RemoveTargets (low) succeeded. EventBridge rules ' +
    "carry GuardDuty and Security Hub findings, CloudTrail events and trailwatch's own " +
    'real-time feed to their destinations; without the rule or its target nothing arrives ' +
    'and nothing errors. High when the rule name points at security monitoring ' +
    '(GuardDuty, Security Hub, CloudTrail, Macie, trailwatch). Managed rules removed by AWS ' +
    'services through service-linked roles are ignored. Benign causes: stack teardown, ' +
    'pausing a pipeline, replacing a target.' +
    ' Denied attempts are reported one level lower.',
  attack: ['T1562.001'],
  references: [
    'https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_DisableRule.html',
    'https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_RemoveTargets.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'events.amazonaws.com', eventNames: [...ACTIONS.keys()] }],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const action = ACTIONS.get(baseEventName(event.eventName));
    if (!action) return undefined;
    // RemoveTargets names its rule `rule`; the others `name`.
    const rule = requestField(event, 'name', 'rule') ?? 'unknown rule';
    const bus = requestField(event, 'eventBusName');
    const onBus = bus && bus !== 'default' ? ` on bus ${bus}` : '';
    return {
      summary: `${principalOf(event)} ${action.verb} ${rule}${onBus}`,
      severity: mentionsSecurityTooling(rule) ? 'high' : action.severity,
      dedupKey: `${accountOf(event)}|${event.awsRegion ?? ''}|${principalForDedup(event)}|${rule}`,
      resources: [rule],
    };
  },
};
