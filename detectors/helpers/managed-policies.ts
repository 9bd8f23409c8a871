/**
 * AWS managed policies that grant (almost) everything, in any partition (aws,
 * aws-cn, aws-us-gov, ...). Only the AWS-owned account `aws` and the root path:
 * scoped look-alikes (`AdministratorAccess-Amplify`) and customer policies that
 * borrow the name do not match.
 */
const ADMINISTRATOR_ACCESS = /^arn:aws(?:-[a-z]+)*:iam::aws:policy\/AdministratorAccess$/i;
const BROAD_MANAGED =
  /^arn:aws(?:-[a-z]+)*:iam::aws:policy\/(?:AdministratorAccess|PowerUserAccess|IAMFullAccess)$/i;

/** True for the AWS managed AdministratorAccess policy ARN. */
export function isAdministratorAccessArn(arn: string | undefined): boolean {
  return typeof arn === 'string' && ADMINISTRATOR_ACCESS.test(arn.trim());
}

/**
 * True for AWS managed policies that give full control or a path to it:
 * AdministratorAccess, PowerUserAccess (everything but IAM and Organizations)
 * and IAMFullAccess (which can grant itself the rest).
 */
export function isBroadManagedPolicyArn(arn: string | undefined): boolean {
  return typeof arn === 'string' && BROAD_MANAGED.test(arn.trim());
}
