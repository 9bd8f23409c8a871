import { baseEventName } from '../helpers/event-name.js';
import { asString, getPath, isFalse } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import type { Detector, Severity } from '../types.js';

type Kind = 'trusted' | 'threat' | 'filter';

const KINDS: ReadonlyMap<string, Kind> = new Map([
  ['CreateIPSet', 'trusted'],
  ['UpdateIPSet', 'trusted'],
  ['CreateTrustedEntitySet', 'trusted'],
  ['UpdateTrustedEntitySet', 'trusted'],
  ['CreateThreatIntelSet', 'threat'],
  ['UpdateThreatIntelSet', 'threat'],
  ['CreateThreatEntitySet', 'threat'],
  ['UpdateThreatEntitySet', 'threat'],
  ['CreateFilter', 'filter'],
  ['UpdateFilter', 'filter'],
]);

const SEVERITY: Readonly<Record<Kind, Severity>> = {
  trusted: 'high',
  threat: 'medium',
  filter: 'medium',
};

const WORDS: Readonly<Record<Kind, string>> = {
  trusted: 'trusted IP/entity list',
  threat: 'threat list',
  filter: 'auto-archive (suppression) rule',
};

/** GuardDuty was told to trust addresses, given a new threat list, or told to archive findings. */
export const guarddutyTrustedListChanged: Detector = {
  id: 'guardduty-trusted-list-changed',
  title: 'GuardDuty trusted list or suppression rule changed',
  severity: 'high',
  description:
    'A GuardDuty trusted IP list or trusted entity set was created or changed (high: ' +
    'GuardDuty generates no findings for the addresses and domains it lists, so an attacker ' +
    'who adds their own infrastructure becomes invisible), a threat list was replaced ' +
    '(medium), or a filter with action ARCHIVE was saved (medium: a suppression rule that ' +
    'archives matching findings before anyone sees them). Lists created or left inactive, ' +
    'and filters that only save a view (action NOOP), do not alert. Benign causes: adding ' +
    'scanner or VPN addresses, tuning noisy finding types.',
  attack: ['T1562.001'],
  references: [
    'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_upload-lists.html',
    'https://docs.aws.amazon.com/guardduty/latest/ug/findings_suppression-rule.html',
    'https://docs.aws.amazon.com/guardduty/latest/APIReference/API_CreateIPSet.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'guardduty.amazonaws.com', eventNames: [...KINDS.keys()] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const kind = KINDS.get(baseEventName(event.eventName));
    if (!kind) return undefined;
    const request = event.requestParameters;
    if (kind === 'filter') {
      const action = asString(getPath(request, 'action'))?.trim().toUpperCase();
      if (action !== 'ARCHIVE') return undefined;
    } else if (isFalse(getPath(request, 'activate'))) {
      // An inactive list suppresses nothing; activating it later is an Update that alerts.
      return undefined;
    }
    const name =
      requestField(event, 'name', 'filterName', 'ipSetId', 'threatIntelSetId') ??
      requestField(event, 'trustedEntitySetId', 'threatEntitySetId') ??
      'unnamed';
    const location = requestField(event, 'location');
    const from = location ? ` from ${location}` : '';
    const verb = event.eventName.startsWith('Create') ? 'created' : 'updated';
    const detector = requestField(event, 'detectorId') ?? 'unknown detector';
    return {
      summary: `${principalOf(event)} ${verb} GuardDuty ${WORDS[kind]} ${name}${from} (detector ${detector})`,
      severity: SEVERITY[kind],
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${kind}|${name}`,
      resources: [name],
    };
  },
};
