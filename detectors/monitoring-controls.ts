/**
 * The CIS AWS Foundations Benchmark "Monitoring" controls (metric filter and
 * alarm per event set) and their AWS Security Hub ids, for the coverage table in
 * docs/detectors.md. CIS numbers follow Benchmark v6.0/v7.0 (section 5); v1.4 to
 * v5.0 number the same controls 4.x. A detector covers a control when its
 * `references` name the control's id (`CloudWatch.4`, or `CIS 5.15` for the one
 * control Security Hub has no id for).
 */
export interface MonitoringControl {
  /** The id detectors cite in `references`. */
  readonly id: string;
  /** The CIS Benchmark number, v6.0/v7.0. */
  readonly cis: string;
  readonly title: string;
}

export const MONITORING_CONTROLS: readonly MonitoringControl[] = [
  { id: 'CloudWatch.1', cis: '5.3', title: 'Root user usage' },
  { id: 'CloudWatch.2', cis: '5.1', title: 'Unauthorized API calls' },
  { id: 'CloudWatch.3', cis: '5.2', title: 'Console sign-in without MFA' },
  { id: 'CloudWatch.4', cis: '5.4', title: 'IAM policy changes' },
  { id: 'CloudWatch.5', cis: '5.5', title: 'CloudTrail configuration changes' },
  { id: 'CloudWatch.6', cis: '5.6', title: 'Console authentication failures' },
  {
    id: 'CloudWatch.7',
    cis: '5.7',
    title: 'Customer managed KMS keys disabled or scheduled for deletion',
  },
  { id: 'CloudWatch.8', cis: '5.8', title: 'S3 bucket policy changes' },
  { id: 'CloudWatch.9', cis: '5.9', title: 'AWS Config configuration changes' },
  { id: 'CloudWatch.10', cis: '5.10', title: 'Security group changes' },
  { id: 'CloudWatch.11', cis: '5.11', title: 'Network ACL changes' },
  { id: 'CloudWatch.12', cis: '5.12', title: 'Network gateway changes' },
  { id: 'CloudWatch.13', cis: '5.13', title: 'Route table changes' },
  { id: 'CloudWatch.14', cis: '5.14', title: 'VPC changes' },
  { id: 'CIS 5.15', cis: '5.15', title: 'AWS Organizations changes' },
];
