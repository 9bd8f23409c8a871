/**
 * The AWS attack techniques of Stratus Red Team (DataDog's public list of
 * detonatable techniques, https://stratus-red-team.cloud/attack-techniques/AWS/),
 * mapped to the detectors that catch them, for the coverage table in
 * docs/detectors.md. A technique no detector catches says why in `gap`. A test
 * checks every id named here is a built-in detector, so a rename cannot leave
 * the table stale. The titles are ours.
 */
export interface StratusTechnique {
  readonly id: string;
  readonly title: string;
  /** Built-in detectors that alert on the technique as AWS logs it. */
  readonly detectors: readonly string[];
  /** Why no detector catches it (only when `detectors` is empty), or what is only partly caught. */
  readonly gap?: string;
}

export const STRATUS_TECHNIQUES: readonly StratusTechnique[] = [
  {
    id: 'aws.initial-access.console-login-without-mfa',
    title: 'Console sign-in of an IAM user without MFA',
    detectors: ['console-login-without-mfa'],
  },
  {
    id: 'aws.execution.ec2-launch-unusual-instances',
    title: 'Launch of GPU or very large EC2 instances',
    detectors: ['ec2-unusual-instance-type'],
  },
  {
    id: 'aws.execution.ec2-user-data',
    title: 'Commands run through changed EC2 user data',
    detectors: ['ec2-user-data-modified'],
  },
  {
    id: 'aws.execution.sagemaker-update-lifecycle-config',
    title: 'SageMaker notebook lifecycle configuration changed to run code',
    detectors: ['sagemaker-lifecycle-config-changed'],
  },
  {
    id: 'aws.execution.ssm-send-command',
    title: 'SSM Run Command sent to several instances',
    detectors: ['ssm-send-command-multiple-instances', 'ssm-shell-command-first-seen-principal'],
  },
  {
    id: 'aws.execution.ssm-start-session',
    title: 'SSM Session Manager sessions to several instances',
    detectors: ['ssm-session-first-seen-principal', 'ssm-session-burst'],
  },
  {
    id: 'aws.persistence.iam-backdoor-role',
    title: "A role's trust policy opened to another account",
    detectors: ['iam-role-trust-policy-backdoor'],
  },
  {
    id: 'aws.persistence.iam-backdoor-user',
    title: 'An access key created for another IAM user',
    detectors: ['iam-access-key-for-other-user'],
  },
  {
    id: 'aws.persistence.iam-create-admin-user',
    title: 'A new IAM user given administrator rights',
    detectors: ['iam-user-created', 'iam-admin-policy-attached'],
  },
  {
    id: 'aws.persistence.iam-create-backdoor-role',
    title: 'A new role trusting another account, with administrator rights',
    detectors: ['iam-role-trust-policy-backdoor', 'iam-admin-policy-attached'],
  },
  {
    id: 'aws.persistence.iam-create-user-login-profile',
    title: 'A console password created for an IAM user',
    detectors: ['iam-login-profile-created'],
  },
  {
    id: 'aws.persistence.lambda-backdoor-function',
    title: 'A Lambda function opened to everyone through its resource policy',
    detectors: ['lambda-permission-public-or-cross-account'],
  },
  {
    id: 'aws.persistence.lambda-layer-extension',
    title: 'A layer from another account added to a function',
    detectors: ['lambda-foreign-layer', 'lambda-layer-added-by-human'],
  },
  {
    id: 'aws.persistence.lambda-overwrite-code',
    title: "A function's code replaced",
    detectors: ['lambda-code-updated-by-human'],
  },
  {
    id: 'aws.persistence.rolesanywhere-create-trust-anchor',
    title: 'An IAM Roles Anywhere trust anchor created',
    detectors: ['rolesanywhere-trust-anchor-created'],
  },
  {
    id: 'aws.persistence.sts-federation-token',
    title: 'Federation tokens minted from long-term keys',
    detectors: ['sts-federation-token-created'],
  },
  {
    id: 'aws.privilege-escalation.iam-update-user-login-profile',
    title: "Another user's console password changed",
    detectors: ['iam-login-profile-created'],
  },
  {
    id: 'aws.defense-evasion.cloudtrail-delete',
    title: 'A trail deleted',
    detectors: ['cloudtrail-logging-stopped'],
  },
  {
    id: 'aws.defense-evasion.cloudtrail-event-selectors',
    title: 'A trail blinded through its event selectors',
    detectors: ['cloudtrail-event-selectors-narrowed'],
  },
  {
    id: 'aws.defense-evasion.cloudtrail-lifecycle-rule',
    title: "A lifecycle rule that expires the trail's log files",
    detectors: ['s3-lifecycle-expiration-short'],
  },
  {
    id: 'aws.defense-evasion.cloudtrail-stop',
    title: 'A trail stopped',
    detectors: ['cloudtrail-logging-stopped'],
  },
  {
    id: 'aws.defense-evasion.dns-delete-logs',
    title: 'Route 53 Resolver query logging removed',
    detectors: ['dns-query-logging-removed'],
  },
  {
    id: 'aws.defense-evasion.organizations-leave',
    title: 'An account trying to leave the organisation',
    detectors: ['organizations-leave'],
  },
  {
    id: 'aws.defense-evasion.vpc-remove-flow-logs',
    title: 'VPC flow logs deleted',
    detectors: ['vpc-flow-logs-deleted'],
  },
  {
    id: 'aws.credential-access.ec2-get-password-data',
    title: 'Windows administrator passwords read from many instances',
    detectors: ['ec2-password-data-burst'],
  },
  {
    id: 'aws.credential-access.ec2-steal-instance-credentials',
    title: "An instance role's credentials used away from its instance",
    detectors: [
      'instance-credentials-multiple-ips',
      'instance-credentials-outside-aws',
      'instance-credentials-desktop-user-agent',
    ],
  },
  {
    id: 'aws.credential-access.secretsmanager-batch-retrieve-secrets',
    title: 'Many secrets read in one BatchGetSecretValue',
    detectors: ['secrets-batch-read-many', 'secrets-batch-read-broad-filter'],
  },
  {
    id: 'aws.credential-access.secretsmanager-retrieve-secrets',
    title: 'Many secrets read one by one',
    detectors: ['secrets-bulk-read'],
  },
  {
    id: 'aws.credential-access.ssm-retrieve-securestring-parameters',
    title: 'Many SecureString parameters read with decryption',
    detectors: ['ssm-securestring-bulk-read'],
  },
  {
    id: 'aws.discovery.ec2-enumerate-from-instance',
    title: "Discovery calls made with an instance role's credentials",
    detectors: ['instance-credentials-discovery-burst'],
  },
  {
    id: 'aws.discovery.ec2-download-user-data',
    title: 'User data read from many instances',
    detectors: ['ec2-user-data-read-burst'],
  },
  {
    id: 'aws.discovery.ses-enumerate',
    title: 'SES identities and sending limits enumerated',
    detectors: ['ses-reconnaissance'],
  },
  {
    id: 'aws.lateral-movement.ec2-serial-console-send-ssh-public-key',
    title: 'An SSH key pushed through the EC2 serial console',
    detectors: ['ec2-serial-console-enabled'],
  },
  {
    id: 'aws.lateral-movement.ec2-instance-connect',
    title: 'SSH keys pushed to several instances with EC2 Instance Connect',
    detectors: ['ec2-instance-connect-key-pushed'],
  },
  {
    id: 'aws.exfiltration.ec2-security-group-open-port-22-ingress',
    title: 'SSH opened to the internet on a security group',
    detectors: ['security-group-open-to-world'],
  },
  {
    id: 'aws.exfiltration.ec2-share-ami',
    title: 'An AMI shared with another account',
    detectors: ['ami-shared'],
  },
  {
    id: 'aws.exfiltration.ec2-share-ebs-snapshot',
    title: 'An EBS snapshot shared with another account',
    detectors: ['ebs-snapshot-shared'],
  },
  {
    id: 'aws.exfiltration.rds-share-snapshot',
    title: 'An RDS snapshot shared with another account',
    detectors: ['rds-snapshot-shared'],
  },
  {
    id: 'aws.exfiltration.s3-backdoor-bucket-policy',
    title: 'A bucket policy granting another account access',
    detectors: ['s3-bucket-policy-external-account'],
  },
  {
    id: 'aws.impact.bedrock-invoke-model',
    title: 'Bedrock models invoked with stolen credentials',
    detectors: ['bedrock-invoke-first-seen-principal', 'bedrock-invoke-many-models'],
  },
  {
    id: 'aws.impact.s3-ransomware-batch-deletion',
    title: 'Objects deleted in bulk with DeleteObjects',
    detectors: ['s3-mass-deletion', 's3-many-objects-deleted'],
  },
  {
    id: 'aws.impact.s3-ransomware-client-side-encryption',
    title: 'Objects overwritten with client-side-encrypted copies and a ransom note',
    detectors: ['s3-ransom-note-uploaded'],
    gap:
      'the overwrites themselves look like ordinary PutObject calls (client-side encryption leaves ' +
      'no trace in CloudTrail); the ransom note is what is caught',
  },
  {
    id: 'aws.impact.s3-ransomware-individual-deletion',
    title: 'Objects deleted one by one',
    detectors: ['s3-mass-deletion', 's3-many-objects-deleted'],
  },
];
