import {
  accessKeysCreated,
  crossAccountRoleAssumptions,
  iamPersistenceChanges,
  principalDiscoveryCalls,
  principalTimeline,
} from '../queries/index.js';
import type { Runbook } from '../schema.js';
import {
  denyAllForUser,
  detectionGapStep,
  revokeRoleSessions,
  timelineStep,
} from './shared-steps.js';

export const iamPrivilegeEscalation: Runbook = {
  id: 'iam-privilege-escalation',
  title: 'IAM privilege escalation or persistence',
  summary:
    'A principal granted itself or another identity more power (admin policies, full-admin ' +
    'documents, policy versions) or created a way back in (users, access keys for others, ' +
    'console passwords, trusted roles). Find every foothold before revoking the first one.',
  detectors: [
    'cognito-identity-pool-guest-access-enabled',
    'eks-access-entry-created',
    'eks-cluster-admin-policy-associated',
    'glue-dev-endpoint-ssh-access',
    'iam-access-key-for-other-user',
    'iam-admin-policy-attached',
    'iam-identity-provider-changed',
    'iam-instance-profile-associated',
    'iam-login-profile-created',
    'iam-mfa-device-for-other-user',
    'iam-permissions-boundary-put',
    'iam-permissions-boundary-removed',
    'iam-policy-changed',
    'iam-policy-default-version-changed',
    'iam-policy-grants-full-admin',
    'iam-role-added-to-instance-profile',
    'iam-role-trust-policy-backdoor',
    'iam-self-privilege-grant',
    'iam-user-added-to-privileged-group',
    'iam-user-created',
    'identity-center-account-assignment-created',
    'identity-center-admin-permission-set',
    'identity-center-identity-source-changed',
    'identity-center-provisioning-token-created',
    'organizations-changed',
    'rolesanywhere-trust-anchor-created',
    'sagemaker-privileged-role-passed',
  ],
  severity: {
    P1: 'Admin access granted to, or credentials created for, an identity by an unknown actor.',
    P2: 'Policy broadened or a new user/role created by an unknown actor, no admin rights yet.',
    P3: 'Change by a known administrator outside change control.',
    P4: 'Planned change (IaC, ticket) confirmed.',
  },
  phases: {
    triage: [
      {
        title: 'List what the target identity can do now',
        command:
          'aws iam list-attached-user-policies --user-name <TARGET_USER>; aws iam list-user-policies --user-name <TARGET_USER>',
      },
      {
        title: 'List its keys and console password',
        command:
          'aws iam list-access-keys --user-name <TARGET_USER>; aws iam get-login-profile --user-name <TARGET_USER>',
      },
      {
        title: 'Find every change the actor made',
        detail:
          'iam-persistence-changes, access-keys-created and the actor timeline; ask whether each was planned.',
      },
    ],
    contain: [
      denyAllForUser,
      revokeRoleSessions,
      {
        title: 'Disable the credentials the actor created',
        command:
          'aws iam update-access-key --user-name <TARGET_USER> --access-key-id <NEW_ACCESS_KEY_ID> --status Inactive',
        approval: true,
      },
      {
        title: 'Remove console access the actor created',
        command: 'aws iam delete-login-profile --user-name <TARGET_USER>',
        approval: true,
      },
    ],
    eradicate: [
      {
        title: 'Detach the policies the actor attached',
        command: 'aws iam detach-user-policy --user-name <TARGET_USER> --policy-arn <POLICY_ARN>',
        approval: true,
      },
      {
        title: 'Restore the previous default policy version',
        command:
          'aws iam set-default-policy-version --policy-arn <POLICY_ARN> --version-id <PREVIOUS_VERSION>',
        approval: true,
      },
      {
        title: 'Revert trust policy changes and delete users/roles the actor created',
        detail:
          'Keep a copy (get-role, get-user) before deleting; check cross-account-role-assumptions for use.',
        command: 'aws iam get-account-authorization-details --output json > iam-snapshot.json',
      },
    ],
    recover: [
      {
        title: 'Compare IAM with your baseline',
        detail:
          'Diff the snapshot against infrastructure-as-code; anything extra is a remaining foothold.',
      },
      {
        title: 'Rotate credentials of identities the actor could assume or read',
        detail: 'Access keys, role trust, and secrets readable with the escalated rights.',
      },
    ],
    postIncident: [
      timelineStep,
      {
        title: 'Limit who can change IAM',
        detail:
          'Permission boundaries for delegated admins, an SCP denying IAM writes outside the pipeline role.',
      },
      detectionGapStep,
    ],
  },
  queries: [
    iamPersistenceChanges,
    accessKeysCreated,
    crossAccountRoleAssumptions,
    principalDiscoveryCalls,
    principalTimeline,
  ],
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html',
    'https://github.com/aws-samples/aws-incident-response-playbooks',
  ],
};
