import { soundsPrivileged } from './privileged-name.js';

/**
 * Whether an IAM role's name suggests broad rights. Services that run code with a
 * role handed to them (SageMaker, Glue, ECS, Batch) make such a role a way to run
 * as an administrator without being one: the name is the only hint the record
 * gives, since the role's policies are not in it.
 */

/** Role ARNs are at most 2048 characters; longer input is not a role. */
const MAX_ARN_CHARS = 2048;

/** The role name of `arn:aws:iam::123456789012:role/path/Name`, or the value itself when it is a bare name. */
export function roleNameOf(roleArn: string): string {
  const text = roleArn.trim();
  const slash = text.lastIndexOf('/');
  return text.startsWith('arn:') && slash >= 0 ? text.slice(slash + 1) : text;
}

/** True when the role's name (not its path) suggests administrator-like rights. */
export function hasPrivilegedRoleName(roleArn: unknown): boolean {
  if (typeof roleArn !== 'string' || roleArn.length > MAX_ARN_CHARS) return false;
  return soundsPrivileged(roleNameOf(roleArn));
}
