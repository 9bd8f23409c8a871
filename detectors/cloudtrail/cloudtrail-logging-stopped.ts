import { asString, getPath } from '../helpers/fields.js';
import { principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** A trail stopped logging or was deleted: the audit record goes dark from here on. */
export const cloudtrailLoggingStopped: Detector = {
  id: 'cloudtrail-logging-stopped',
  title: 'CloudTrail logging stopped or trail deleted',
  severity: 'critical',
  description:
    'StopLogging or DeleteTrail succeeded. Attackers do this first to hide what follows. ' +
    'Benign causes: a planned trail migration or teardown of a test account.' +
    ' Denied attempts are reported one level lower.',
  attack: ['T1562.008'],
  references: [
    'CIS 5.5',
    'CloudWatch.5',
    'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StopLogging.html',
  ],
  runbook: 'cloudtrail-tampering',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    { eventSource: 'cloudtrail.amazonaws.com', eventNames: ['StopLogging', 'DeleteTrail'] },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    const trail = asString(getPath(event.requestParameters, 'name')) ?? 'unknown trail';
    const verb = event.eventName === 'DeleteTrail' ? 'deleted trail' : 'stopped logging on';
    return {
      summary: `${principalOf(event)} ${verb} ${trail}`,
      resources: [trail],
    };
  },
};
