import type { CloudTrailEvent } from '../types.js';
import { principalForDedup, principalOf } from './identity.js';

/** IAM Identity Center permission-set roles: the session name is the signed-in person. */
const SSO_ROLE = /:assumed-role\/AWSReservedSSO_[^/]+\//;

/**
 * The person or workload behind a call, for first-seen keys. Usually the
 * principal without its session name (callers choose session names freely, and
 * a random one per session would make every session "new"). IAM Identity Center
 * sessions keep theirs: AWS sets it to the user name, so two people sharing a
 * permission set stay two actors.
 */
export function actorOf(event: CloudTrailEvent): string {
  const principal = principalOf(event);
  return SSO_ROLE.test(principal) ? principal : principalForDedup(event);
}

/** True for a session of an IAM Identity Center permission-set role (`AWSReservedSSO_*`). */
export function isSsoSession(event: CloudTrailEvent): boolean {
  return SSO_ROLE.test(event.userIdentity?.arn ?? '');
}
