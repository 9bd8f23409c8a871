import { asString, getPath } from '../helpers/fields.js';
import { accountOf, isRootCaller } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { signinSucceeded } from '../helpers/signin-outcome.js';
import type { CloudTrailEvent, Detector, Severity } from '../types.js';

interface Change {
  readonly words: string;
  readonly severity: Severity;
}

/** IAM calls that give the root user itself a credential when they name no IAM user. */
const IAM_CHANGES: Readonly<Record<string, Change>> = {
  CreateAccessKey: {
    words: 'The root user created an access key for itself',
    severity: 'critical',
  },
  UploadSigningCertificate: {
    words: 'The root user uploaded a signing certificate for itself',
    severity: 'high',
  },
  // With centralized root access, an AssumeRoot session re-enables a member account's root password.
  CreateLoginProfile: {
    words: 'A console password was created for the root user',
    severity: 'high',
  },
};

/** Sign-in events AWS writes only for the root user's password. */
const SIGNIN_CHANGES: Readonly<Record<string, Change>> = {
  PasswordUpdated: { words: 'The root user password was changed', severity: 'high' },
  PasswordRecoveryCompleted: { words: 'The root user password was reset', severity: 'high' },
  // Only a request: the reset link still goes to the root email address.
  PasswordRecoveryRequested: {
    words: 'A root user password reset was requested',
    severity: 'medium',
  },
};

function iamChange(event: CloudTrailEvent): Change | undefined {
  if (!isRootCaller(event) || !succeeded(event)) return undefined;
  // Root naming a user acts on that IAM user, not on itself (iam-* detectors cover that).
  const userName = asString(getPath(event.requestParameters, 'userName'));
  if (userName !== undefined && userName.trim() !== '') return undefined;
  return IAM_CHANGES[event.eventName];
}

function signinChange(event: CloudTrailEvent): Change | undefined {
  const type = event.userIdentity?.type;
  if (type !== undefined && type !== 'Root' && type !== 'Unknown') return undefined;
  return signinSucceeded(event) ? SIGNIN_CHANGES[event.eventName] : undefined;
}

/** The root user got a new long-lived credential, or its password was changed or reset. */
export const rootCredentialsChanged: Detector = {
  id: 'root-credentials-changed',
  title: 'Root user credentials created or changed',
  severity: 'high',
  description:
    'The root user created an access key for itself (critical: AWS advises never to have one), ' +
    'uploaded a signing certificate, had a console password created through centralized root ' +
    'access (CreateLoginProfile naming no user), changed its password (PasswordUpdated) or ' +
    'completed a password reset (PasswordRecoveryCompleted). A reset request alone ' +
    '(PasswordRecoveryRequested) is medium: the link still goes to the root email address. ' +
    'Whoever holds root credentials owns the account beyond the reach of IAM policies and SCPs ' +
    'in a standalone account; attackers who phish the root password or take over its mailbox ' +
    'change credentials first to lock the owner out. Benign causes: a planned root password ' +
    'rotation, recovering a lost root password, enabling root access for a member account.',
  attack: ['T1098', 'T1098.001'],
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_add-key.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-password.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html',
  ],
  runbook: 'root-account-use',
  dedupWindowSeconds: 3600,
  listensTo: [
    {
      eventSource: 'iam.amazonaws.com',
      eventNames: Object.keys(IAM_CHANGES),
    },
    { eventSource: 'signin.amazonaws.com', eventNames: Object.keys(SIGNIN_CHANGES) },
  ],
  match(event) {
    const change =
      event.eventSource === 'signin.amazonaws.com' ? signinChange(event) : iamChange(event);
    if (!change) return undefined;
    const account = accountOf(event);
    const from = event.sourceIPAddress ?? 'an unknown address';
    return {
      summary: `${change.words} in account ${account}, from ${from}`,
      dedupKey: `${account}|root|${event.eventName}`,
      resources: [`arn:aws:iam::${account}:root`],
      severity: change.severity,
    };
  },
};
