import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { invokedByAnyOf, isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector } from '../types.js';

/** AWS Backup and Data Lifecycle Manager expire snapshots on schedule, with the customer's role. */
const LIFECYCLE_SERVICES = new Set(['backup.amazonaws.com', 'dlm.amazonaws.com']);

/** Many EBS snapshots deleted by one principal in a short time: backups being destroyed. */
export const ebsSnapshotsMassDeleted: Detector = {
  id: 'ebs-snapshots-mass-deleted',
  title: 'Many EBS snapshots deleted',
  severity: 'high',
  description:
    'One principal deleted 10 or more different EBS snapshots within an hour. Ransomware ' +
    'operators and destructive insiders delete backups before encrypting or deleting the ' +
    'volumes they protect. A single deletion is routine and does not alert. Deletions by ' +
    'AWS Backup and Data Lifecycle Manager (retention) and by service-linked roles are ' +
    'ignored. Benign causes: a clean-up script, a custom retention job outside those ' +
    'services, decommissioning an application.',
  attack: ['T1490', 'T1485'],
  references: [
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteSnapshot.html',
    'https://docs.aws.amazon.com/ebs/latest/userguide/recycle-bin.html',
  ],
  runbook: 's3-data-destruction',
  dedupWindowSeconds: 3600,
  threshold: { count: 10, windowSeconds: 3600, distinct: true },
  listensTo: [{ eventSource: 'ec2.amazonaws.com', eventNames: ['DeleteSnapshot'] }],
  match(event) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    if (invokedByAnyOf(event, LIFECYCLE_SERVICES)) return undefined;
    const snapshot = requestField(event, 'snapshotId') ?? 'unknown snapshot';
    return {
      summary: `${principalOf(event)} is deleting EBS snapshots (latest ${snapshot})`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|DeleteSnapshot`,
      distinctValue: snapshot,
      resources: [snapshot],
    };
  },
};
