/**
 * Words people put in the names of groups, roles and instance profiles that hold
 * administrative power: `Admins`, `SysAdministrators`, `PowerUsers`,
 * `break-glass`, and the roles AWS Organizations and Control Tower create with
 * full access in member accounts. Names are chosen by the account's owners, so
 * this is a heuristic: a group called `admins` that can only read billing is
 * reported too, and a powerful group called `team-a` is missed.
 */
const PRIVILEGED_NAME =
  /admin|power[-_. ]?users?|super[-_. ]?users?|full[-_. ]?access|break[-_. ]?glass|privileged|OrganizationAccountAccessRole|ControlTowerExecution|(?:^|[^a-z])(?:root|owners?)(?:$|[^a-z])/i;

/** Names longer than IAM allows (128 for groups and roles) are not looked into. */
const MAX_NAME_CHARS = 512;

/** True when a group, role or instance-profile name suggests administrative power. */
export function soundsPrivileged(name: string | undefined): boolean {
  return typeof name === 'string' && name.length <= MAX_NAME_CHARS && PRIVILEGED_NAME.test(name);
}
