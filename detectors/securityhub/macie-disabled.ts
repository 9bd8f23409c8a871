import { baseEventName } from '../helpers/event-name.js';
import { asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector, Severity } from '../types.js';

interface Verdict {
  readonly what: string;
  readonly severity: Severity;
}

function upper(value: unknown): string | undefined {
  return asString(value)?.trim().toUpperCase();
}

function judge(api: string, request: unknown): Verdict | undefined {
  switch (api) {
    case 'DisableMacie':
      return { what: 'disabled Macie', severity: 'high' };
    case 'UpdateMacieSession':
      return upper(getPath(request, 'status')) === 'PAUSED'
        ? { what: 'paused Macie', severity: 'high' }
        : undefined;
    case 'DisableOrganizationAdminAccount':
      return { what: 'removed the Macie delegated administrator', severity: 'medium' };
    case 'DisassociateFromAdministratorAccount':
    case 'DisassociateFromMasterAccount':
      return { what: 'disconnected Macie from its administrator account', severity: 'medium' };
    case 'CreateFindingsFilter':
    case 'UpdateFindingsFilter':
      return upper(getPath(request, 'action')) === 'ARCHIVE'
        ? { what: 'saved a Macie suppression rule (archive filter)', severity: 'medium' }
        : undefined;
    default:
      return undefined;
  }
}

/** Amazon Macie was disabled or paused, disconnected, or told to archive findings. */
export const macieDisabled: Detector = {
  id: 'macie-disabled',
  title: 'Macie disabled, paused or findings suppressed',
  severity: 'high',
  description:
    'Macie was disabled or its session paused (high): sensitive-data discovery and its S3 ' +
    'bucket posture findings (public or shared buckets) stop. Removing the delegated ' +
    'administrator, leaving the administrator account, or saving a findings filter with ' +
    'action ARCHIVE (a suppression rule) is medium. Filters that only save a view (NOOP) do ' +
    'not alert. Benign causes: cost control after a discovery job, moving administration to ' +
    'another account, suppressing findings for buckets that are public by design.' +
    ' Denied attempts are reported one level lower.',
  attack: ['T1562.001'],
  references: [
    'https://docs.aws.amazon.com/macie/latest/APIReference/macie.html',
    'https://docs.aws.amazon.com/macie/latest/user/findings-suppression.html',
    'https://docs.aws.amazon.com/macie/latest/user/macie-suspend-disable.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    {
      eventSource: 'macie2.amazonaws.com',
      eventNames: [
        'DisableMacie',
        'UpdateMacieSession',
        'DisableOrganizationAdminAccount',
        'DisassociateFromAdministratorAccount',
        'DisassociateFromMasterAccount',
        'CreateFindingsFilter',
        'UpdateFindingsFilter',
      ],
    },
  ],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const api = baseEventName(event.eventName);
    const verdict = judge(api, event.requestParameters);
    if (!verdict) return undefined;
    const region = event.awsRegion ?? 'an unknown region';
    const target = requestField(event, 'name', 'id', 'adminAccountId') ?? `Macie in ${region}`;
    return {
      summary: `${principalOf(event)} ${verdict.what} (${target})`,
      severity: verdict.severity,
      dedupKey: `${accountOf(event)}|${event.awsRegion ?? ''}|${principalForDedup(event)}|${api}`,
      resources: [target],
    };
  },
};
