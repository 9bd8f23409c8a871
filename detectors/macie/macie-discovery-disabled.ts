import { baseEventName } from '../helpers/event-name.js';
import { asString, getPath, isFalse } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { CloudTrailEvent, Detector, Severity } from '../types.js';

interface Verdict {
  readonly what: string;
  readonly severity: Severity;
}

function upper(value: unknown): string | undefined {
  return asString(value)?.trim().toUpperCase();
}

function judge(event: CloudTrailEvent): Verdict | undefined {
  const request = event.requestParameters;
  switch (baseEventName(event.eventName)) {
    case 'UpdateAutomatedDiscoveryConfiguration':
      return upper(getPath(request, 'status')) === 'DISABLED'
        ? { what: 'turned off automated sensitive data discovery', severity: 'medium' }
        : undefined;
    case 'UpdateClassificationJob': {
      const status = upper(getPath(request, 'jobStatus'));
      if (status === 'CANCELLED') {
        return {
          what: `cancelled classification job ${requestField(event, 'jobId') ?? ''}`.trim(),
          severity: 'medium',
        };
      }
      return status === 'USER_PAUSED'
        ? {
            what: `paused classification job ${requestField(event, 'jobId') ?? ''}`.trim(),
            severity: 'low',
          }
        : undefined;
    }
    case 'UpdateOrganizationConfiguration':
      return isFalse(getPath(request, 'autoEnable'))
        ? { what: 'stopped enabling Macie in new member accounts', severity: 'medium' }
        : undefined;
    default:
      return undefined;
  }
}

/** Macie kept running but told to stop looking: automated discovery off, jobs cancelled, auto-enable off. */
export const macieDiscoveryDisabled: Detector = {
  id: 'macie-discovery-disabled',
  title: 'Macie sensitive data discovery stopped',
  severity: 'medium',
  description:
    'Macie stays enabled but stops looking: UpdateAutomatedDiscoveryConfiguration set status ' +
    'DISABLED (automated sensitive data discovery of every bucket stops), ' +
    'UpdateClassificationJob cancelled a job (medium) or paused it (low), or ' +
    'UpdateOrganizationConfiguration stopped enabling Macie in new member accounts. ' +
    'Attackers staging data in buckets stop the scans that would flag it. Disabling or ' +
    'pausing Macie itself is reported by macie-disabled. Calls through service-linked roles ' +
    'are ignored. Denied attempts are reported one level lower. Benign causes: cost control, ' +
    'replacing a job with a new one.',
  attack: ['T1562.001'],
  references: [
    'https://docs.aws.amazon.com/macie/latest/APIReference/automated-discovery-configuration.html',
    'https://docs.aws.amazon.com/macie/latest/APIReference/jobs-jobid.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    {
      eventSource: 'macie2.amazonaws.com',
      eventNames: [
        'UpdateAutomatedDiscoveryConfiguration',
        'UpdateClassificationJob',
        'UpdateOrganizationConfiguration',
      ],
    },
  ],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const verdict = judge(event);
    if (!verdict) return undefined;
    const region = event.awsRegion ?? 'an unknown region';
    return {
      summary: `${principalOf(event)} ${verdict.what} (${region})`,
      severity: verdict.severity,
      dedupKey: `${accountOf(event)}|${event.awsRegion ?? ''}|${principalForDedup(event)}|MacieDiscovery`,
      resources: [requestField(event, 'jobId') ?? `Macie in ${region}`],
    };
  },
};
