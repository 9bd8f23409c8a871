import { consoleLogins, rootActivity, sourceIpActivity } from '../queries/index.js';
import type { Runbook } from '../schema.js';
import { detectionGapStep, timelineStep } from './shared-steps.js';

export const rootAccountUse: Runbook = {
  id: 'root-account-use',
  title: 'Root account used',
  summary:
    'The root user signed in or made a call. Root cannot be restricted by IAM policies and few ' +
    'tasks need it, so every use should map to a known, planned task by a named person.',
  detectors: ['root-account-used', 'root-credentials-changed', 'sts-assume-root'],
  severity: {
    P1: 'Root used from an unknown address, without MFA, or to create keys, change billing or contacts.',
    P2: 'Root sign-in nobody has claimed yet.',
    P3: 'Planned root task done without the break-glass procedure (no ticket, no second person).',
    P4: 'Planned root task confirmed, procedure followed.',
  },
  phases: {
    triage: [
      {
        title: 'Ask who holds the root credentials and whether a root task was planned',
        detail: 'Break-glass log, ticket, the person holding the MFA device.',
      },
      {
        title: 'Check MFA and root access keys on the account',
        command:
          "aws iam get-account-summary --query 'SummaryMap.[AccountMFAEnabled,AccountAccessKeysPresent]'",
      },
      {
        title: 'List what root did',
        detail: 'root-activity and console-logins for the account.',
      },
    ],
    contain: [
      {
        title: 'Reset the root password and MFA if the use is not claimed',
        detail:
          'Sign in as root with the recovery e-mail, change the password, replace MFA devices. For ' +
          'member accounts with centralized root access, remove root credentials from the management account.',
        command:
          'aws sts assume-root --target-principal {account} --task-policy-arn arn=arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials',
        approval: true,
      },
      {
        title: 'Delete root access keys',
        detail: 'Run with the root session (or the assume-root session above).',
        command: 'aws iam delete-access-key --access-key-id <ROOT_ACCESS_KEY_ID>',
        approval: true,
      },
    ],
    eradicate: [
      {
        title: 'Undo what root changed',
        detail: 'Users, keys, policies, contact and billing settings in root-activity.',
      },
      {
        title: 'Check account contact and alternate contacts were not changed',
        command:
          'aws account get-contact-information; aws account get-alternate-contact --alternate-contact-type SECURITY',
      },
    ],
    recover: [
      {
        title: 'Store root credentials under the break-glass procedure again',
        detail: 'Hardware MFA in a safe, password in the vault, two people to use them.',
      },
    ],
    postIncident: [
      timelineStep,
      {
        title: 'Remove standing root credentials',
        detail:
          'Organizations centralized root access for member accounts; SCP denying root actions.',
        command: 'aws iam enable-organizations-root-credentials-management',
        approval: true,
      },
      detectionGapStep,
    ],
  },
  queries: [rootActivity, consoleLogins, sourceIpActivity],
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user-privileged-task.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html',
  ],
};
