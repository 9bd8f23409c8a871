import type { CloudTrailEvent } from '../types.js';

/**
 * Calls AWS services make by themselves, as opposed to calls a person or a
 * customer workload makes. Lifecycle jobs (AWS Backup expiring recovery points,
 * Auto Scaling replacing its alarms) are routine and must not read as tampering.
 */

/**
 * Service-linked roles live under the reserved `/aws-service-role/` path and
 * only their service can assume them, so a session issued by one is the
 * service acting. The path is in `sessionIssuer.arn`, which CloudTrail writes.
 */
export function isServiceLinkedRoleCaller(event: CloudTrailEvent): boolean {
  const issuer = event.userIdentity?.sessionContext?.sessionIssuer?.arn;
  return typeof issuer === 'string' && issuer.includes(':role/aws-service-role/');
}

/** An AWS service acting on its own: an `AWSService` identity or a service-linked role session. */
export function isAwsServiceCaller(event: CloudTrailEvent): boolean {
  return event.userIdentity?.type === 'AWSService' || isServiceLinkedRoleCaller(event);
}

/**
 * True when one of `services` (e.g. `backup.amazonaws.com`) made the call with a
 * role the customer gave it. `invokedBy` is written by CloudTrail, not the caller.
 */
export function invokedByAnyOf(event: CloudTrailEvent, services: ReadonlySet<string>): boolean {
  const by = event.userIdentity?.invokedBy;
  return typeof by === 'string' && services.has(by.toLowerCase());
}
