/**
 * The runbooks detectors point to, by id. Each alert carries its runbook's id,
 * title and link so the on-call engineer knows where to start.
 */
export interface RunbookRef {
  readonly id: string;
  readonly title: string;
}

const list: readonly RunbookRef[] = [
  { id: 'cloudtrail-tampering', title: 'CloudTrail or logging tampered with' },
  { id: 's3-public-exposure', title: 'S3 bucket or object exposed publicly' },
  { id: 's3-data-destruction', title: 'S3 data destruction or ransomware preparation' },
  { id: 'iam-privilege-escalation', title: 'IAM privilege escalation or persistence' },
  { id: 'credential-compromise', title: 'Compromised credentials (access keys, console, STS)' },
  { id: 'root-account-use', title: 'Root account used' },
  { id: 'console-brute-force', title: 'Console brute force or password spraying' },
  { id: 'kms-key-loss', title: 'KMS key disabled or scheduled for deletion' },
  { id: 'network-exposure', title: 'Network exposed to the internet' },
  { id: 'lambda-backdoor', title: 'Lambda backdoor or abuse' },
  { id: 'api-protection-removed', title: 'API Gateway or WAF protection removed' },
  { id: 'secrets-access', title: 'Secrets accessed in bulk' },
  { id: 's3-bucket-scanning', title: 'S3 bucket scanned or enumerated' },
];

export const RUNBOOKS: ReadonlyMap<string, RunbookRef> = new Map(list.map((r) => [r.id, r]));

/** Where rendered runbooks live; alerts link to `<base>/<id>.md`. */
export const DEFAULT_RUNBOOK_BASE_URL =
  'https://github.com/trailwatch/trailwatch/blob/main/docs/runbooks';

export function runbookUrl(id: string, baseUrl: string = DEFAULT_RUNBOOK_BASE_URL): string {
  return `${baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(id)}.md`;
}
