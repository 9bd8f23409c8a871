import {
  secretPolicyChanges,
  secretReads,
  secretReadsByPrincipal,
  sourceIpActivity,
} from '../queries/index.js';
import type { Runbook } from '../schema.js';
import {
  denyAllForUser,
  detectionGapStep,
  revokeRoleSessions,
  timelineStep,
} from './shared-steps.js';

export const secretsAccess: Runbook = {
  id: 'secrets-access',
  title: 'Secrets accessed in bulk',
  summary:
    'A principal read many secrets, decrypted parameters or EC2 passwords, or changed who may ' +
    'read them. Assume every secret it read is known to the attacker: the response is rotation.',
  detectors: [
    'ec2-user-data-read-burst',
    'secrets-batch-read-broad-filter',
    'secrets-batch-read-many',
    'secrets-bulk-read',
    'secrets-first-read-by-principal',
    'secrets-force-deleted',
    'secrets-policy-public',
    'secrets-read-by-other-account',
    'secrets-rotation-cancelled',
    'ssm-securestring-bulk-read',
  ],
  severity: {
    P1: 'Production secrets read by an unknown principal or from an unknown address.',
    P2: 'A known principal reading secrets it never reads, or a secret resource policy opened.',
    P3: 'Bulk read by a deployment or migration without a ticket.',
    P4: 'Planned bulk read (migration, audit) confirmed.',
  },
  phases: {
    triage: [
      {
        title: 'List the secrets read and by whom',
        detail: 'secret-reads for the window, secret-reads-by-principal for the actor.',
      },
      {
        title: "Check each secret's resource policy",
        command: 'aws secretsmanager get-resource-policy --region {region} --secret-id <SECRET_ID>',
      },
    ],
    contain: [
      denyAllForUser,
      revokeRoleSessions,
      {
        title: 'Remove a resource policy the actor added',
        command:
          'aws secretsmanager delete-resource-policy --region {region} --secret-id <SECRET_ID>',
        approval: true,
      },
    ],
    eradicate: [
      {
        title: 'Rotate every secret read',
        detail: 'And revoke what each secret grants (database users, API keys at the provider).',
        command: 'aws secretsmanager rotate-secret --region {region} --secret-id <SECRET_ID>',
        approval: true,
      },
      {
        title: 'Overwrite SecureString parameters that were decrypted',
        command:
          'aws ssm put-parameter --region {region} --name <PARAMETER_NAME> --type SecureString --value <NEW_VALUE> --overwrite',
        approval: true,
      },
    ],
    recover: [
      {
        title: 'Confirm consumers use the new values',
        detail:
          'Application health, failed authentications with the old values (which also point at the attacker).',
      },
    ],
    postIncident: [
      timelineStep,
      {
        title: 'Narrow who can read which secret',
        detail:
          'Resource policies per secret, tags plus ABAC, no secretsmanager:GetSecretValue on *.',
      },
      detectionGapStep,
    ],
  },
  queries: [secretReads, secretReadsByPrincipal, secretPolicyChanges, sourceIpActivity],
  references: [
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html',
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_resource-policies.html',
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/monitoring-cloudtrail.html',
  ],
};
