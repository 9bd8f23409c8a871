/**
 * Names operators give to the monitoring that watches the account: CloudTrail
 * log groups, GuardDuty/Security Hub/Macie forwarding rules, CIS metric-filter
 * alarms (`CIS-3.1-...`, `cis_5_4_...`) and trailwatch's own resources. Tampering
 * with one of these blinds the security team, so detectors rate it higher.
 */
const SECURITY_NAME =
  /cloudtrail|guardduty|security-?hub|macie|trailwatch|(?:^|[^a-z])cis[-_. ]?\d/i;

/** True when a resource name looks like part of the security monitoring itself. */
export function mentionsSecurityTooling(name: string | undefined): boolean {
  return typeof name === 'string' && SECURITY_NAME.test(name);
}

/** True when a CloudWatch Logs group name looks like a CloudTrail delivery group. */
export function isTrailLogGroup(name: string | undefined): boolean {
  return typeof name === 'string' && name.toLowerCase().includes('cloudtrail');
}
