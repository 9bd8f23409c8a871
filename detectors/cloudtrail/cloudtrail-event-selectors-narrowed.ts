import { type ManagementCoverage, managementCoverage } from '../helpers/event-selectors.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { trailOf } from '../helpers/trail.js';
import type { Detector, Severity } from '../types.js';

function describe(coverage: ManagementCoverage): { text: string; severity: Severity } {
  if (!coverage.read && !coverage.write) {
    return { text: 'management events are no longer logged', severity: 'high' };
  }
  if (!coverage.write) {
    return { text: 'only read-only management events are logged', severity: 'high' };
  }
  // Write-only management logging is a common cost choice and still records every
  // change; losing reads (recon, secret reads) is worth a look, not a page.
  return { text: 'only write management events are logged', severity: 'medium' };
}

/** A trail's event selectors stop it logging all management events. */
export const cloudtrailEventSelectorsNarrowed: Detector = {
  id: 'cloudtrail-event-selectors-narrowed',
  title: 'CloudTrail event selectors exclude management events',
  severity: 'high',
  description:
    'PutEventSelectors succeeded with selectors that no longer log all management events: ' +
    'every basic selector has includeManagementEvents false, the management selectors are ' +
    'ReadOnly or WriteOnly, or no advanced selector has eventCategory = Management. The trail ' +
    'keeps running, so this blinds it more quietly than StopLogging. Write-only is reported as ' +
    'medium. Benign causes: cost tuning on a trail dedicated to data events while another ' +
    'trail records management events.',
  attack: ['T1562.008'],
  references: [
    'CloudTrail.1',
    'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_PutEventSelectors.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_AdvancedFieldSelector.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'cloudtrail.amazonaws.com',
      // Advanced selectors arrive through PutEventSelectors; the second name is kept
      // so a record logged under it is not missed.
      eventNames: ['PutEventSelectors', 'PutAdvancedEventSelectors'],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    const coverage = managementCoverage(event.requestParameters);
    if (!coverage || (coverage.read && coverage.write)) return undefined;
    const trail = trailOf(event) ?? 'unknown trail';
    const { text, severity } = describe(coverage);
    return {
      summary: `${principalOf(event)} changed event selectors on trail ${trail}: ${text}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|EventSelectors|${trail}`,
      resources: [trail],
      severity,
    };
  },
};
