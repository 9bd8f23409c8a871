import { baseEventName } from '../helpers/event-name.js';
import { getPath, isFalse } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector } from '../types.js';

const DELETES = new Set(['DeleteThreatIntelSet', 'DeleteThreatEntitySet']);

/** A GuardDuty threat list deleted or deactivated: findings for the addresses it named stop. */
export const guarddutyThreatListDeleted: Detector = {
  id: 'guardduty-threat-list-deleted',
  title: 'GuardDuty threat list deleted or deactivated',
  severity: 'medium',
  description:
    'DeleteThreatIntelSet or DeleteThreatEntitySet succeeded, or an update set activate ' +
    'false: GuardDuty stops raising findings for traffic to the known-bad addresses and ' +
    'domains the list named (threat intelligence, or the infrastructure of an incident ' +
    'under way). Calls through service-linked roles are ignored. Denied attempts are ' +
    'reported one level lower. Benign causes: retiring a stale feed, replacing a list with ' +
    'a new one.',
  attack: ['T1562.001'],
  references: [
    'https://docs.aws.amazon.com/guardduty/latest/APIReference/API_DeleteThreatIntelSet.html',
    'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_upload-lists.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    {
      eventSource: 'guardduty.amazonaws.com',
      eventNames: [
        'DeleteThreatIntelSet',
        'DeleteThreatEntitySet',
        'UpdateThreatIntelSet',
        'UpdateThreatEntitySet',
      ],
    },
  ],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const deleted = DELETES.has(baseEventName(event.eventName));
    if (!deleted && !isFalse(getPath(event.requestParameters, 'activate'))) return undefined;
    const list = requestField(event, 'threatIntelSetId', 'threatEntitySetId') ?? 'unknown list';
    const detector = requestField(event, 'detectorId') ?? 'unknown detector';
    return {
      summary: `${principalOf(event)} ${deleted ? 'deleted' : 'deactivated'} GuardDuty threat list ${list} (detector ${detector})`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|ThreatList|${list}`,
      resources: [list],
    };
  },
};
