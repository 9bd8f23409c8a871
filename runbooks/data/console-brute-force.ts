import {
  consoleLoginFailuresByIp,
  consoleLoginsFromIp,
  sourceIpActivity,
} from '../queries/index.js';
import type { Runbook } from '../schema.js';
import { denyAllForUser, detectionGapStep, timelineStep } from './shared-steps.js';

export const consoleBruteForce: Runbook = {
  id: 'console-brute-force',
  title: 'Console brute force or password spraying',
  summary:
    'Many failed console sign-ins from one address (brute force) or against many users ' +
    '(spraying). What matters is whether any attempt succeeded, and what that session did.',
  detectors: ['console-login-failures', 'console-password-spraying'],
  severity: {
    P1: 'A success from the same address after the failures.',
    P2: 'Failures against users without MFA, no success yet.',
    P3: 'Failures against users who all have MFA.',
    P4: 'A user who forgot a password (one user, known address).',
  },
  phases: {
    triage: [
      {
        title: 'Look for a success from the attacking address',
        detail:
          'console-logins-from-ip: a Success after a run of Failure means the attacker got in.',
      },
      {
        title: 'List the targeted users and whether they have MFA',
        command: 'aws iam list-mfa-devices --user-name <TARGET_USER>',
      },
    ],
    contain: [
      {
        title: 'If a sign-in succeeded: force a new password for that user',
        command: 'aws iam update-login-profile --user-name <TARGET_USER> --password-reset-required',
        approval: true,
      },
      denyAllForUser,
      {
        title: 'Deny API calls from the attacking address',
        detail:
          'IAM cannot stop the console sign-in itself by address; an SCP or policy with a Deny on ' +
          'aws:SourceIp = the address stops what a session from it can do.',
        command: `aws iam put-user-policy --user-name <TARGET_USER> --policy-name trailwatch-deny-source --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"{sourceIp}"}}}]}'`,
        approval: true,
      },
    ],
    eradicate: [
      {
        title: 'Review what the successful session did',
        detail: 'source-ip-activity; follow credential-compromise if it touched anything.',
      },
    ],
    recover: [
      {
        title: 'Require MFA for every console user',
        command: 'aws iam generate-credential-report; aws iam get-credential-report',
      },
    ],
    postIncident: [
      timelineStep,
      {
        title: 'Move people to IAM Identity Center with MFA',
        detail: 'IAM users with passwords are the target of spraying.',
      },
      detectionGapStep,
    ],
  },
  queries: [consoleLoginFailuresByIp, consoleLoginsFromIp, sourceIpActivity],
  references: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html',
  ],
};
