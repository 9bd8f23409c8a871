import { changeFinding } from '../helpers/change-tracking.js';
import { succeeded } from '../helpers/outcome.js';
import { deepField, requestField } from '../helpers/request-values.js';
import type { Detector } from '../types.js';

/** CIS 5.9 / CloudWatch.9: AWS Config recorder and delivery channel changes. */
export const configServiceChanged: Detector = {
  id: 'config-service-changed',
  title: 'AWS Config configuration changed (CIS 5.9)',
  severity: 'low',
  description:
    'The AWS Config recorder was stopped or (re)configured, or a delivery channel was set or ' +
    'deleted: the exact event set of the CIS AWS Foundations "AWS Config configuration ' +
    'changes" metric filter. This is change tracking; config-recorder-stopped raises the ' +
    'destructive subset at high severity. Benign causes: Config set-up, Control Tower or ' +
    'landing-zone pipelines re-applying the recorder.',
  attack: ['T1562.001'],
  references: [
    'CIS 5.9',
    'CloudWatch.9',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'config.amazonaws.com',
      eventNames: [
        'StopConfigurationRecorder',
        'DeleteDeliveryChannel',
        'PutDeliveryChannel',
        'PutConfigurationRecorder',
      ],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    // Put* calls carry the name inside the object they set.
    const resource =
      requestField(event, 'configurationRecorderName', 'deliveryChannelName') ??
      deepField(event.requestParameters, ['name'], 2);
    return changeFinding(event, resource);
  },
};
