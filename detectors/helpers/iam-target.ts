import type { CloudTrailEvent } from '../types.js';
import { asString, getPath } from './fields.js';
import { callerUserName } from './identity.js';

/** The IAM entity or managed policy an IAM write call acts on. */
export interface IamTarget {
  readonly kind: 'user' | 'role' | 'group' | 'policy';
  readonly name: string;
}

/** A non-empty string field of `requestParameters`, or undefined. */
export function requestString(event: CloudTrailEvent, key: string): string | undefined {
  const value = asString(getPath(event.requestParameters, key));
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * The user, role or group an IAM call names in its request (policy calls name
 * exactly one of them); for managed-policy calls without one, the policy ARN or
 * name. Undefined when the request names nothing we recognise.
 */
export function iamTargetOf(event: CloudTrailEvent): IamTarget | undefined {
  const user = requestString(event, 'userName');
  if (user) return { kind: 'user', name: user };
  const role = requestString(event, 'roleName');
  if (role) return { kind: 'role', name: role };
  const group = requestString(event, 'groupName');
  if (group) return { kind: 'group', name: group };
  const policy = policyNamed(event);
  if (policy) return { kind: 'policy', name: policy };
  return undefined;
}

/** The managed policy ARN, or else the inline or new policy's name, a call names. */
export function policyNamed(event: CloudTrailEvent): string | undefined {
  return requestString(event, 'policyArn') ?? requestString(event, 'policyName');
}

/** `role Deploy`, `user alice`: the target as words for a summary. */
export function describeIamTarget(target: IamTarget | undefined): string {
  return target ? `${target.kind} ${target.name}` : 'an unnamed IAM entity';
}

/**
 * True when `userName` is not the caller's own IAM user. IAM user names are
 * unique without regard to case, so `Alice` and `alice` are the same user.
 * Callers that are not IAM users (roles, SSO sessions, federated sessions, root)
 * have no IAM user of their own: any user they name is someone else. A
 * federated session named after its issuing IAM user still counts as another
 * principal, because its credentials are not that user's.
 */
export function isAnotherUser(event: CloudTrailEvent, userName: string): boolean {
  const caller = callerUserName(event);
  if (caller === undefined) return true;
  return caller.toLowerCase() !== userName.toLowerCase();
}
