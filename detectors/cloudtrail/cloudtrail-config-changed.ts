import { changeFinding } from '../helpers/change-tracking.js';
import { succeeded } from '../helpers/outcome.js';
import { trailOf } from '../helpers/trail.js';
import type { Detector } from '../types.js';

/** CIS 5.5 / CloudWatch.5: every change to a trail's configuration, for the change record. */
export const cloudtrailConfigChanged: Detector = {
  id: 'cloudtrail-config-changed',
  title: 'CloudTrail configuration changed (CIS 5.5)',
  severity: 'low',
  description:
    'A trail was created, updated or deleted, or logging was started or stopped: the exact ' +
    'event set of the CIS AWS Foundations "CloudTrail configuration changes" metric filter. ' +
    'This is change tracking: stopping or deleting a trail and weakening updates have their ' +
    'own, more urgent detectors (cloudtrail-logging-stopped, cloudtrail-trail-updated). ' +
    'Benign causes: trail set-up and maintenance, usually through infrastructure as code.',
  attack: ['T1562.008'],
  references: [
    'CIS 5.5',
    'CloudWatch.5',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-update-a-trail-console.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'cloudtrail.amazonaws.com',
      eventNames: ['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging'],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    return changeFinding(event, trailOf(event));
  },
};
