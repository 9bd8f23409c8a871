import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { deepField } from '../helpers/request-values.js';
import type { Detector } from '../types.js';

const VERBS: Readonly<Record<string, string>> = {
  UpdatePassword: 'reset the password of',
  DeleteMfaDeviceForUser: 'deleted an MFA device of',
};

/** An administrator reset a directory user's password or removed their MFA device. */
export const identityCenterUserCredentialsReset: Detector = {
  id: 'identity-center-user-credentials-reset',
  title: 'Identity Center user password reset or MFA device deleted',
  severity: 'medium',
  description:
    'In the IAM Identity Center directory, an administrator reset a user’s password ' +
    '(UpdatePassword: a reset link or a one-time password) or deleted one of their MFA ' +
    'devices (DeleteMfaDeviceForUser). Together they are an account takeover: the ' +
    'administrator picks the new password, registers their own device at next sign-in and ' +
    'inherits every account and permission set assigned to that user. Only directories that ' +
    'Identity Center keeps itself are affected (an external IdP owns its passwords). Refused ' +
    'attempts are reported too (one level lower). Benign causes: help-desk resets, a user ' +
    'who lost their phone.',
  attack: ['T1098', 'T1556.006'],
  references: [
    'https://docs.aws.amazon.com/singlesignon/latest/userguide/resetuserpwd.html',
    'https://docs.aws.amazon.com/singlesignon/latest/userguide/how-to-manage-device.html',
    'https://docs.aws.amazon.com/singlesignon/latest/userguide/sso-info-in-cloudtrail.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'sso-directory.amazonaws.com', eventNames: Object.keys(VERBS) }],
  match(event) {
    if (!succeeded(event) || event.userIdentity?.type === 'AWSService') return undefined;
    const verb = Object.hasOwn(VERBS, event.eventName) ? VERBS[event.eventName] : undefined;
    if (!verb) return undefined;
    const user =
      deepField(event.requestParameters, ['userId', 'userName'], 3) ?? 'a directory user';
    return {
      summary: `${principalOf(event)} ${verb} ${user}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|directory-credentials`,
      resources: [user],
    };
  },
};
