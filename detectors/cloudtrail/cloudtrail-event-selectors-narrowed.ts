import { baseEventName } from '../helpers/event-name.js';
import {
  type FieldValue,
  type ManagementRecording,
  whatTrailRecords,
} from '../helpers/event-selectors.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { trailOf } from '../helpers/trail.js';
import { type Detector, SEVERITY_RANK, type Severity } from '../types.js';

/**
 * Management event sources AWS itself offers to leave out of a trail for cost
 * (`excludeManagementEventSources`): their volume is high and they are mostly
 * data-plane. Dropping them loses KMS Decrypt and RDS Data API records, worth a
 * look rather than a page; dropping any other source is blinding.
 */
const COST_EXCLUSIONS = new Set(['kms.amazonaws.com', 'rdsdata.amazonaws.com']);

const MAX_LISTED = 4;

function list(values: readonly FieldValue[]): string {
  const shown = values.slice(0, MAX_LISTED).map((v) => `${v.field} ${v.value}`);
  const more = values.length - MAX_LISTED;
  return `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

interface Loss {
  readonly text: string;
  readonly severity: Severity;
}

function losses(m: ManagementRecording): Loss[] {
  const out: Loss[] = [];
  if (!m.read && !m.write) {
    out.push({
      text:
        m.onlyFor.length > 0
          ? `management events are logged only for ${list(m.onlyFor)}`
          : 'management events are no longer logged',
      severity: 'high',
    });
  } else if (!m.write) {
    out.push({ text: 'only read-only management events are logged', severity: 'high' });
  } else if (!m.read) {
    // Write-only management logging is a common cost choice and still records every
    // change; losing reads (recon, secret reads) is worth a look, not a page.
    out.push({ text: 'only write management events are logged', severity: 'medium' });
  }
  if (m.excluded.length > 0) {
    const costOnly = m.excluded.every(
      (v) => v.field.toLowerCase() === 'eventsource' && COST_EXCLUSIONS.has(v.value.toLowerCase()),
    );
    out.push({
      text: `management events for ${list(m.excluded)} are no longer logged`,
      severity: costOnly ? 'medium' : 'high',
    });
  }
  return out;
}

/** A trail's (or event data store's) selectors stop it logging some management events. */
export const cloudtrailEventSelectorsNarrowed: Detector = {
  id: 'cloudtrail-event-selectors-narrowed',
  title: 'CloudTrail event selectors exclude management events',
  severity: 'high',
  description:
    'PutEventSelectors (or UpdateEventDataStore on a store of management events) succeeded ' +
    'with selectors under which the trail no longer records every management event. The ' +
    'selectors are judged by what they still record, not by their spelling: basic selectors ' +
    'with includeManagementEvents false, ReadOnly or WriteOnly, or excludeManagementEventSources; ' +
    'advanced selectors without eventCategory = Management, with readOnly, or filtering ' +
    'eventSource, eventName, userIdentity.arn or eventType by Equals, NotEquals, StartsWith, ' +
    'NotStartsWith, EndsWith or NotEndsWith, across every selector together (a trail records ' +
    'an event when any selector matches). The trail keeps running, so this blinds it more ' +
    'quietly than StopLogging. High when management events, writes, or any service other ' +
    'than KMS and the RDS Data API are dropped; medium for write-only logging and for ' +
    'excluding only KMS or RDS Data API events, which AWS offers to cut cost. Adding data ' +
    'events is never reported. Benign causes: cost tuning on a trail dedicated to data events ' +
    'while another trail records management events.' +
    ' Denied attempts are reported one level lower.',
  attack: ['T1562.008'],
  references: [
    'CloudTrail.1',
    'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_PutEventSelectors.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_AdvancedFieldSelector.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_EventSelector.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    {
      eventSource: 'cloudtrail.amazonaws.com',
      // Advanced selectors arrive through PutEventSelectors; the second name is kept
      // so a record logged under it is not missed.
      eventNames: ['PutEventSelectors', 'PutAdvancedEventSelectors', 'UpdateEventDataStore'],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    const recording = whatTrailRecords(event.requestParameters);
    if (!recording) return undefined;
    const m = recording.management;
    // An event data store may hold only data events or configuration items by design.
    const isStore = baseEventName(event.eventName) === 'UpdateEventDataStore';
    if (isStore && !m.read && !m.write && m.onlyFor.length === 0) return undefined;
    const lost = losses(m);
    if (lost.length === 0) return undefined;
    const trail = trailOf(event) ?? 'unknown trail';
    const severity = lost.reduce<Severity>(
      (worst, l) => (SEVERITY_RANK[l.severity] > SEVERITY_RANK[worst] ? l.severity : worst),
      'info',
    );
    return {
      summary: `${principalOf(event)} changed event selectors on ${isStore ? 'event data store' : 'trail'} ${trail}: ${lost.map((l) => l.text).join('; ')}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|EventSelectors|${trail}`,
      resources: [trail],
      severity,
    };
  },
};
