import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { addedEc2Recipients, judgeShare } from '../helpers/resource-sharing.js';
import type { Detector } from '../types.js';

/** An AMI was made public or its launch permission given to an outside account or organisation. */
export const amiShared: Detector = {
  id: 'ami-shared',
  title: 'AMI made public or shared externally',
  severity: 'high',
  description:
    'ModifyImageAttribute added launch permission for group "all" (critical: anyone can ' +
    'launch the image and read its disks, including secrets baked into it), for an account ' +
    'outside this one and trustedAccounts (high), or for an organisation or OU that is not ' +
    'in trustedOrganizationIds (high; medium when no organisation ids are configured, since ' +
    'ours cannot be told apart). Removing permissions and description changes do not ' +
    'alert. A call refused for lack of permission is reported as an attempt ' +
    'one level lower. Benign causes: publishing images to customers, sharing golden images with ' +
    'accounts missing from the trusted lists.',
  attack: ['T1537'],
  references: [
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyImageAttribute.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-explicit.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'ec2.amazonaws.com', eventNames: ['ModifyImageAttribute'] }],
  match(event, ctx) {
    if (!succeeded(event)) return undefined;
    const recipients = addedEc2Recipients(event.requestParameters, 'launchPermission');
    const own = accountOf(event);
    const verdict = judgeShare(recipients, own, ctx.settings);
    if (!verdict) return undefined;
    const image = requestField(event, 'imageId') ?? 'unknown image';
    return {
      summary: `${principalOf(event)} shared AMI ${image} with ${verdict.recipient}`,
      severity: verdict.severity,
      dedupKey: `${own}|${principalForDedup(event)}|${image}`,
      resources: [image],
    };
  },
};
