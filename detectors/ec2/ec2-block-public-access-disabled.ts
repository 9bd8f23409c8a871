import { baseEventName } from '../helpers/event-name.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { deepField } from '../helpers/request-values.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/** Which guardrail a call is about, and whether the call as made leaves it off. */
interface Change {
  readonly guardrail: 'AMIs' | 'EBS snapshots';
  readonly state: string;
}

/**
 * The state an Enable* call sets: from the request, else the response. Only
 * `unblocked` means off; block-new-sharing and block-all-sharing both block.
 */
function enabledState(event: CloudTrailEvent): string | undefined {
  return (
    deepField(event.requestParameters, ['State', 'ImageBlockPublicAccessState']) ??
    deepField(event.responseElements, ['state', 'imageBlockPublicAccessState'])
  );
}

function changeOf(event: CloudTrailEvent): Change | undefined {
  switch (baseEventName(event.eventName)) {
    case 'DisableImageBlockPublicAccess':
      return { guardrail: 'AMIs', state: 'unblocked' };
    case 'DisableSnapshotBlockPublicAccess':
      return { guardrail: 'EBS snapshots', state: 'unblocked' };
    case 'EnableImageBlockPublicAccess': {
      const state = enabledState(event);
      return state?.toLowerCase() === 'unblocked' ? { guardrail: 'AMIs', state } : undefined;
    }
    case 'EnableSnapshotBlockPublicAccess': {
      const state = enabledState(event);
      return state?.toLowerCase() === 'unblocked'
        ? { guardrail: 'EBS snapshots', state }
        : undefined;
    }
    default:
      return undefined;
  }
}

/** Block Public Access for AMIs or EBS snapshots turned off in a region. */
export const ec2BlockPublicAccessDisabled: Detector = {
  id: 'ec2-block-public-access-disabled',
  title: 'Block Public Access for AMIs or EBS snapshots turned off',
  severity: 'high',
  description:
    'DisableImageBlockPublicAccess or DisableSnapshotBlockPublicAccess succeeded, or an ' +
    'Enable call set the state to unblocked. These regional guardrails stop AMIs and EBS ' +
    'snapshots from being shared with every AWS account; with them off a single ' +
    'ModifyImageAttribute or ModifySnapshotAttribute makes a disk image public, and for ' +
    'snapshots that were blocked with block-all-sharing, earlier public shares come back to ' +
    'life at once. A call refused for lack of permission is reported as an attempt one ' +
    'level lower. Benign causes: publishing public AMIs or snapshots on purpose (vendors, ' +
    'open datasets).',
  attack: ['T1562', 'T1537'],
  references: [
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DisableImageBlockPublicAccess.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DisableSnapshotBlockPublicAccess.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_EnableSnapshotBlockPublicAccess.html',
    'https://docs.aws.amazon.com/ebs/latest/userguide/block-public-access-snapshots.html',
  ],
  runbook: 'data-exfiltration',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    {
      eventSource: 'ec2.amazonaws.com',
      eventNames: [
        'DisableImageBlockPublicAccess',
        'DisableSnapshotBlockPublicAccess',
        'EnableImageBlockPublicAccess',
        'EnableSnapshotBlockPublicAccess',
      ],
    },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    const change = changeOf(event);
    if (!change) return undefined;
    const account = accountOf(event);
    const region = event.awsRegion ?? 'unknown region';
    return {
      summary: `${principalOf(event)} turned off Block Public Access for ${change.guardrail} in ${region} (state ${change.state})`,
      dedupKey: `${account}|${principalForDedup(event)}|ec2-bpa|${change.guardrail}|${region}`,
      resources: [`account:${account}/${region}/${change.guardrail}`],
    };
  },
};
