import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector } from '../types.js';

/** The export of GuardDuty findings to S3 was removed. */
export const guarddutyFindingsExportRemoved: Detector = {
  id: 'guardduty-findings-export-removed',
  title: 'GuardDuty findings export removed',
  severity: 'medium',
  description:
    'DeletePublishingDestination succeeded: GuardDuty stops exporting findings to the S3 ' +
    'bucket that keeps them beyond the 90 days GuardDuty holds them and that SIEMs ingest. ' +
    'New findings then reach no one who reads that bucket. Calls through service-linked ' +
    'roles are ignored. Denied attempts are reported one level lower. Benign causes: ' +
    'moving the export to another bucket or KMS key, replacing it with EventBridge.',
  attack: ['T1562.001'],
  references: [
    'https://docs.aws.amazon.com/guardduty/latest/APIReference/API_DeletePublishingDestination.html',
    'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_exportfindings.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    { eventSource: 'guardduty.amazonaws.com', eventNames: ['DeletePublishingDestination'] },
  ],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const destination = requestField(event, 'destinationId') ?? 'unknown destination';
    const detector = requestField(event, 'detectorId') ?? 'unknown detector';
    return {
      summary: `${principalOf(event)} deleted the findings export ${destination} of GuardDuty detector ${detector}`,
      dedupKey: `${accountOf(event)}|${event.awsRegion ?? ''}|${principalForDedup(event)}|PublishingDestination`,
      resources: [destination],
    };
  },
};
