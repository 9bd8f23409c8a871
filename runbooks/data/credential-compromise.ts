import {
  accessDeniedBursts,
  accessKeyTimeline,
  principalFingerprints,
  principalRegions,
  sourceIpActivity,
} from '../queries/index.js';
import type { Runbook } from '../schema.js';
import {
  deactivateAccessKey,
  denyAllForUser,
  detectionGapStep,
  followPersistenceRunbook,
  revokeRoleSessions,
  timelineStep,
} from './shared-steps.js';

export const credentialCompromise: Runbook = {
  id: 'credential-compromise',
  title: 'Compromised credentials (access keys, console, STS)',
  summary:
    "Signs that someone else holds a principal's credentials: permission probing, sign-in " +
    "without MFA, a new address or client. Decide fast whether the activity is the owner's; " +
    'if not, cut the credential off, then look for what it was used to create.',
  detectors: [
    'access-denied-burst',
    'account-contact-changed',
    'activity-in-unapproved-region',
    'ami-shared',
    'batch-job-command-overridden',
    'bedrock-invoke-first-seen-principal',
    'bedrock-invoke-many-models',
    'bedrock-model-access-granted',
    'cloudshell-first-use',
    'cognito-unauthenticated-credentials',
    'cognito-user-password-set-by-admin',
    'console-login-new-source',
    'console-login-without-mfa',
    'console-signin-token-pivot',
    'data-export-started',
    'ebs-default-encryption-disabled',
    'ebs-snapshot-shared',
    'ec2-instance-connect-key-pushed',
    'ec2-key-pair-imported',
    'ec2-password-data-burst',
    'ec2-serial-console-enabled',
    'ec2-unusual-instance-type',
    'ec2-user-data-modified',
    'ecs-execute-command-first-seen-principal',
    'ecs-task-command-overridden',
    'ecs-task-definition-risky',
    'iam-access-key-reactivated',
    'iam-changes-from-instance-session',
    'iam-compromised-key-quarantine',
    'iam-mfa-device-removed',
    'iam-password-policy-weakened',
    'iam-service-specific-credential-created',
    'iam-signing-certificate-uploaded',
    'iam-ssh-public-key-uploaded',
    'identity-center-user-credentials-reset',
    'instance-credentials-desktop-user-agent',
    'instance-credentials-discovery-burst',
    'instance-credentials-multiple-ips',
    'instance-credentials-outside-aws',
    'offensive-tool-user-agent',
    'organizations-discovery-first-seen',
    'organizations-leave',
    'rds-master-password-changed',
    'rds-snapshot-shared',
    'region-enabled',
    'route53-domain-transfer',
    'sagemaker-lifecycle-config-changed',
    'ses-identity-verified',
    'ses-reconnaissance',
    'ses-sending-enabled',
    'ssm-document-created',
    'ssm-send-command-multiple-instances',
    'ssm-session-burst',
    'ssm-session-first-seen-principal',
    'ssm-shell-command-first-seen-principal',
    'sts-federation-token-created',
    'sts-session-token-by-iam-user',
  ],
  severity: {
    P1: 'Credential used from an unknown address/client for writes, persistence or data access.',
    P2: 'Unknown use limited to discovery or denied calls.',
    P3: 'Owner confirms the activity but it broke policy (no MFA, shared key).',
    P4: 'Activity confirmed legitimate (new laptop, CI runner address change).',
  },
  phases: {
    triage: [
      {
        title: 'Find the owner of the access key',
        command: 'aws sts get-access-key-info --access-key-id {accessKeyId}',
      },
      {
        title: 'Compare addresses and clients with the usual ones',
        detail:
          'principal-fingerprints: a new source address or SDK next to the usual ones is the intruder.',
      },
      {
        title: 'Ask the owner',
        detail:
          'Through a channel the attacker cannot read (phone, not the possibly compromised mailbox).',
      },
    ],
    contain: [deactivateAccessKey, denyAllForUser, revokeRoleSessions],
    eradicate: [
      followPersistenceRunbook,
      {
        title: 'Look for resources created in unused regions',
        detail:
          'principal-regions; instances, functions or keys created there are often mining or staging.',
        command:
          'aws ec2 describe-instances --region <REGION> --filters Name=instance-state-name,Values=running',
      },
    ],
    recover: [
      {
        title: 'Issue new credentials to the owner, delete the old key',
        command: 'aws iam delete-access-key --user-name {userName} --access-key-id {accessKeyId}',
        approval: true,
      },
      {
        title: 'Remove the deny-all policy once the new credentials are in place',
        command:
          'aws iam delete-user-policy --user-name {userName} --policy-name trailwatch-deny-all',
        approval: true,
      },
    ],
    postIncident: [
      timelineStep,
      {
        title: 'Find how the credential leaked',
        detail:
          'Public repository, CI logs, laptop, phishing; rotate everything from the same place.',
      },
      {
        title: 'Replace long-term keys',
        detail:
          'Roles, IAM Identity Center and OIDC federation for CI instead of access keys; MFA for console users.',
      },
      detectionGapStep,
    ],
  },
  queries: [
    accessKeyTimeline,
    principalFingerprints,
    principalRegions,
    accessDeniedBursts,
    sourceIpActivity,
  ],
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html',
    'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetAccessKeyInfo.html',
    'https://github.com/aws-samples/aws-incident-response-playbooks',
  ],
};
