import { efsPolicyOpenings } from '../helpers/efs-policy.js';
import { getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import type { CloudTrailEvent, Detector, FindingDraft } from '../types.js';

function finding(event: CloudTrailEvent, fileSystem: string, change: string): FindingDraft {
  return {
    summary: `${principalOf(event)} ${change} on EFS file system ${fileSystem}`,
    dedupKey: `${accountOf(event)}|${principalForDedup(event)}|efs-policy|${fileSystem}`,
    resources: [fileSystem],
  };
}

/** An EFS file system policy now lets anyone, or an untrusted account, mount it. */
export const efsFileSystemPolicyOpened: Detector = {
  id: 'efs-file-system-policy-opened',
  title: 'EFS file system policy opened to anyone or another account',
  severity: 'high',
  description:
    'PutFileSystemPolicy set a policy that allows `*` without a condition restricting who ' +
    '(any NFS client that reaches a mount target may then mount without IAM: high when root ' +
    'access is included, medium otherwise), or allows an account that is neither the owner ' +
    'nor in trustedAccounts, or an organisation outside trustedOrganizationIds (high: that ' +
    'account can mount over peered or shared networks). DeleteFileSystemPolicy is medium: ' +
    'the file system falls back to the default policy, full access for any client that ' +
    'reaches a mount target, without IAM. Conditions such as aws:SecureTransport or ' +
    'elasticfilesystem:AccessedViaMountTarget do not limit who. Benign causes: the console ' +
    'policy wizard (its "prevent root access" and "enforce in-transit encryption" options ' +
    'allow `*`), removing a policy before deleting the file system, shares with accounts ' +
    'missing from trustedAccounts.',
  attack: ['T1098', 'T1537'],
  references: [
    'https://docs.aws.amazon.com/efs/latest/ug/API_PutFileSystemPolicy.html',
    'https://docs.aws.amazon.com/efs/latest/ug/iam-access-control-nfs-efs.html',
    'https://docs.aws.amazon.com/efs/latest/ug/access-control-block-public-access.html',
  ],
  runbook: 'data-exfiltration',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'elasticfilesystem.amazonaws.com',
      eventNames: ['PutFileSystemPolicy', 'DeleteFileSystemPolicy'],
    },
  ],
  match(event, ctx) {
    if (!succeeded(event)) return undefined;
    const fileSystem = requestField(event, 'fileSystemId') ?? 'unknown file system';
    if (event.eventName === 'DeleteFileSystemPolicy') {
      return {
        ...finding(
          event,
          fileSystem,
          'deleted the policy (access without IAM for any client that reaches a mount target)',
        ),
        severity: 'medium',
      };
    }
    const openings = efsPolicyOpenings(
      getPath(event.requestParameters, 'policy'),
      accountOf(event),
      ctx.settings,
    );
    const worst = openings?.[0];
    if (!openings || !worst) return undefined;
    return {
      ...finding(event, fileSystem, `let ${openings.map((o) => o.who).join(', ')} mount`),
      severity: worst.severity,
    };
  },
};
