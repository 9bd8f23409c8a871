import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { addedRdsRestoreRecipients, judgeShare } from '../helpers/resource-sharing.js';
import type { Detector } from '../types.js';

/** A manual RDS snapshot was made public or shared with an account outside the trusted ones. */
export const rdsSnapshotShared: Detector = {
  id: 'rds-snapshot-shared',
  title: 'RDS snapshot made public or shared externally',
  severity: 'high',
  description:
    'ModifyDBSnapshotAttribute or ModifyDBClusterSnapshotAttribute added "all" (critical: ' +
    'any AWS account can restore the database) or an account outside this one and ' +
    "trustedAccounts (high) to the snapshot's restore attribute. Restoring a shared " +
    'snapshot in another account hands over the whole database without a single query ' +
    'here. Removing accounts does not alert. Benign causes: cross-account backup copies, ' +
    'migrations, sharing with an account missing from trustedAccounts.',
  attack: ['T1537'],
  references: [
    'RDS.1',
    'https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBSnapshotAttribute.html',
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'rds.amazonaws.com',
      eventNames: ['ModifyDBSnapshotAttribute', 'ModifyDBClusterSnapshotAttribute'],
    },
  ],
  match(event, ctx) {
    if (!succeeded(event)) return undefined;
    const own = accountOf(event);
    const verdict = judgeShare(
      addedRdsRestoreRecipients(event.requestParameters),
      own,
      ctx.settings,
    );
    if (!verdict) return undefined;
    const snapshot =
      requestField(event, 'dBSnapshotIdentifier', 'dBClusterSnapshotIdentifier') ??
      'unknown snapshot';
    return {
      summary: `${principalOf(event)} shared RDS snapshot ${snapshot} with ${verdict.recipient}`,
      severity: verdict.severity,
      dedupKey: `${own}|${principalForDedup(event)}|${snapshot}`,
      resources: [snapshot],
    };
  },
};
