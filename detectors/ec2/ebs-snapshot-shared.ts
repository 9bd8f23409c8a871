import { GUARDDUTY_SERVICE_ACCOUNTS } from '../helpers/guardduty-service-accounts.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { addedEc2Recipients, judgeShare } from '../helpers/resource-sharing.js';
import type { Detector } from '../types.js';

/** An EBS snapshot was made public or shared with an account outside the trusted ones. */
export const ebsSnapshotShared: Detector = {
  id: 'ebs-snapshot-shared',
  title: 'EBS snapshot made public or shared externally',
  severity: 'high',
  description:
    'ModifySnapshotAttribute added create-volume permission for group "all" (critical: ' +
    'every AWS account can copy the disk) or for an account that is neither this one nor ' +
    'in trustedAccounts (high). A shared snapshot is a full copy of a disk, readable in ' +
    'the other account without touching this one: a quiet exfiltration path. Shares with ' +
    "GuardDuty Malware Protection's service accounts (scanning) are ignored; removing " +
    'permissions does not alert. A call refused for lack of permission is reported as an attempt ' +
    'one level lower. Benign causes: cross-account backup or migration to an ' +
    'account missing from trustedAccounts.',
  attack: ['T1537'],
  references: [
    'EC2.1',
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifySnapshotAttribute.html',
    'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'ec2.amazonaws.com', eventNames: ['ModifySnapshotAttribute'] }],
  match(event, ctx) {
    if (!succeeded(event)) return undefined;
    const recipients = addedEc2Recipients(event.requestParameters, 'createVolumePermission');
    const own = accountOf(event);
    const verdict = judgeShare(recipients, own, ctx.settings, GUARDDUTY_SERVICE_ACCOUNTS);
    if (!verdict) return undefined;
    const snapshot = requestField(event, 'snapshotId') ?? 'unknown snapshot';
    return {
      summary: `${principalOf(event)} shared EBS snapshot ${snapshot} with ${verdict.recipient}`,
      severity: verdict.severity,
      dedupKey: `${own}|${principalForDedup(event)}|${snapshot}`,
      resources: [snapshot],
    };
  },
};
