import type { AccessLogRecord } from '../../ingest/access-log/types.js';
import type { UserIdentity } from '../../ingest/cloudtrail-event.js';

/**
 * The access-log Requester field as a CloudTrail `userIdentity`, so principals
 * read the same in alerts and suppressions whatever the source. The field holds an
 * IAM or STS ARN, a canonical user id (root and console requests, origin access
 * identities), `svc:<service>` for AWS services acting themselves (CloudFront
 * origin access control), or `-` when unauthenticated: shown as CloudTrail shows
 * anonymous S3 data events, `AWSAccount` with account `ANONYMOUS_PRINCIPAL`.
 */
export function requesterIdentity(requester: string | null): UserIdentity {
  if (requester === null) {
    return { type: 'AWSAccount', principalId: '', accountId: ANONYMOUS_PRINCIPAL };
  }
  if (requester.startsWith('svc:')) return { type: 'AWSService', invokedBy: requester.slice(4) };
  const arn = ARN.exec(requester);
  if (arn) {
    const [, partition, service, account, resource] = arn as unknown as [
      string,
      string,
      string,
      string,
      string,
    ];
    const base = { arn: requester, accountId: account };
    if (resource === 'root') return { type: 'Root', ...base };
    if (service === 'iam' && resource.startsWith('user/')) {
      return { type: 'IAMUser', ...base, userName: resource.slice(resource.lastIndexOf('/') + 1) };
    }
    const role = /^assumed-role\/([^/]+)\//.exec(resource);
    if (service === 'sts' && role) {
      const roleName = role[1] as string;
      return {
        type: 'AssumedRole',
        ...base,
        sessionContext: {
          sessionIssuer: {
            type: 'Role',
            arn: `arn:${partition}:iam::${account}:role/${roleName}`,
            accountId: account,
            userName: roleName,
          },
        },
      };
    }
    if (service === 'sts' && resource.startsWith('federated-user/')) {
      return { type: 'FederatedUser', ...base };
    }
    return { type: 'Unknown', ...base };
  }
  if (CANONICAL_ID.test(requester)) return { type: 'CanonicalUser', principalId: requester };
  return { type: 'Unknown', principalId: requester };
}

/**
 * Who made the request, stable enough to group on: an assumed-role session is
 * reduced to its role (session names are chosen by the caller), an anonymous
 * request is told apart by its address.
 */
export function requesterKey(record: AccessLogRecord): string {
  const requester = record.requester;
  if (requester === null) return `anonymous@${record.remoteIp ?? 'unknown'}`;
  const session = /^(arn:[^:]+:sts::\d*:assumed-role\/[^/]+)\//.exec(requester);
  return session?.[1] ?? requester;
}

/** Short words for summaries: the requester as logged, or "an anonymous requester at <ip>". */
export function requesterLabel(record: AccessLogRecord): string {
  if (record.requester === null)
    return `an anonymous requester at ${record.remoteIp ?? 'an unknown address'}`;
  return record.requester;
}

export const ANONYMOUS_PRINCIPAL = 'ANONYMOUS_PRINCIPAL';
const ARN = /^arn:(aws(?:-[a-z]+)*):(iam|sts):[^:]*:(\d{12}):(.+)$/;
const CANONICAL_ID = /^[0-9a-f]{64}$/;
