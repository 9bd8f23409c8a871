import { baseEventName } from '../helpers/event-name.js';
import { asArray, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { CloudTrailEvent, Detector, FindingDraft } from '../types.js';

function finding(event: CloudTrailEvent, what: string, severity: 'medium' | 'low'): FindingDraft {
  const rule = requestField(event, 'configRuleName') ?? 'unknown rule';
  return {
    summary: `${principalOf(event)} ${what} of Config rule ${rule}`,
    severity,
    dedupKey: `${accountOf(event)}|${principalForDedup(event)}|Remediation|${rule}`,
    resources: [rule],
  };
}

/** AWS Config auto-remediation removed from a rule, or resources exempted from it. */
export const configRemediationRemoved: Detector = {
  id: 'config-remediation-removed',
  title: 'AWS Config remediation removed',
  severity: 'medium',
  description:
    'DeleteRemediationConfiguration (medium) removed the automatic fix attached to a Config ' +
    'rule (re-enabling Block Public Access, closing an open security group, turning logging ' +
    'back on), or PutRemediationExceptions (low) exempted resources from it. Attackers ' +
    'remove remediation first so the weakening they make next is not undone within ' +
    'minutes. Calls through service-linked roles (conformance packs managing their own ' +
    'remediations) are ignored. Denied attempts are reported one level lower. Benign ' +
    'causes: remediation that misfired, planned exceptions for resources that are public ' +
    'by design.',
  attack: ['T1562.001'],
  references: [
    'https://docs.aws.amazon.com/config/latest/APIReference/API_DeleteRemediationConfiguration.html',
    'https://docs.aws.amazon.com/config/latest/APIReference/API_PutRemediationExceptions.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    {
      eventSource: 'config.amazonaws.com',
      eventNames: ['DeleteRemediationConfiguration', 'PutRemediationExceptions'],
    },
  ],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    if (baseEventName(event.eventName) === 'DeleteRemediationConfiguration') {
      return finding(event, 'deleted the automatic remediation', 'medium');
    }
    const count = asArray(getPath(event.requestParameters, 'resourceKeys')).length;
    const what = count === 1 ? '1 resource' : `${count} resources`;
    return finding(event, `exempted ${what} from the remediation`, 'low');
  },
};
