import { baseEventName } from '../helpers/event-name.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector, Severity } from '../types.js';

/** What each call does to AWS Config's record, and how bad that is. */
const ACTIONS: ReadonlyMap<string, { verb: string; severity: Severity }> = new Map([
  ['StopConfigurationRecorder', { verb: 'stopped configuration recorder', severity: 'high' }],
  ['DeleteConfigurationRecorder', { verb: 'deleted configuration recorder', severity: 'high' }],
  ['DeleteDeliveryChannel', { verb: 'deleted delivery channel', severity: 'high' }],
  ['DeleteConfigRule', { verb: 'deleted Config rule', severity: 'medium' }],
]);

/** AWS Config stopped recording, lost its delivery channel, or lost a rule. */
export const configRecorderStopped: Detector = {
  id: 'config-recorder-stopped',
  title: 'AWS Config recording stopped or deleted',
  severity: 'high',
  description:
    'StopConfigurationRecorder, DeleteConfigurationRecorder or DeleteDeliveryChannel ' +
    'succeeded: AWS Config stops recording resource changes, so the configuration history ' +
    'investigators and Security Hub controls rely on goes blank from here on. Deleting a ' +
    'Config rule (medium) removes one compliance check. Calls by AWS services through their ' +
    'service-linked roles (Security Hub or conformance packs removing the rules they manage) ' +
    'are ignored. Benign causes: decommissioning an account or region, re-creating the ' +
    'recorder during a landing-zone update, cost reduction in sandbox accounts.' +
    ' Denied attempts are reported one level lower.',
  attack: ['T1562.001', 'T1562.008'],
  references: [
    'CIS 5.9',
    'CloudWatch.9',
    'Config.1',
    'https://docs.aws.amazon.com/config/latest/APIReference/API_StopConfigurationRecorder.html',
    'https://docs.aws.amazon.com/config/latest/APIReference/API_DeleteDeliveryChannel.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'config.amazonaws.com', eventNames: [...ACTIONS.keys()] }],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const action = ACTIONS.get(baseEventName(event.eventName));
    if (!action) return undefined;
    const name =
      requestField(event, 'configurationRecorderName', 'deliveryChannelName', 'configRuleName') ??
      'unknown';
    return {
      summary: `${principalOf(event)} ${action.verb} ${name} in ${event.awsRegion ?? 'an unknown region'}`,
      severity: action.severity,
      dedupKey: `${accountOf(event)}|${event.awsRegion ?? ''}|${principalForDedup(event)}|${event.eventName}|${name}`,
      resources: [name],
    };
  },
};
