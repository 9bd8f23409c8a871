import { isAnotherUser, requestString } from '../helpers/iam-target.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** A console password created or reset, for someone else (high) or newly for oneself (medium). */
export const iamLoginProfileCreated: Detector = {
  id: 'iam-login-profile-created',
  title: 'Console password created or reset for an IAM user',
  severity: 'medium',
  description:
    'CreateLoginProfile or UpdateLoginProfile succeeded. Setting the console password of ' +
    'another user (high) lets the caller sign in as that user: a known takeover and ' +
    'persistence step. A user giving itself a console password for the first time ' +
    '(CreateLoginProfile on itself, medium) turns stolen access keys into console access. A ' +
    'user changing its own existing password does not match. Callers that are not IAM users ' +
    '(roles, SSO, federated sessions, root) always act on another user when they name one. ' +
    'Refused attempts are reported too (one level lower): stolen credentials probing for a ' +
    'way in fail first. Benign causes: onboarding new users, help-desk password resets.',
  attack: ['T1098.001'],
  references: [
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateLoginProfile.html',
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateLoginProfile.html',
  ],
  runbook: 'iam-privilege-escalation',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    { eventSource: 'iam.amazonaws.com', eventNames: ['CreateLoginProfile', 'UpdateLoginProfile'] },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    // Without a userName, IAM acts on the caller itself.
    const userName = requestString(event, 'userName');
    const verb = event.eventName === 'CreateLoginProfile' ? 'created' : 'reset';
    if (userName && isAnotherUser(event, userName)) {
      return {
        summary: `${principalOf(event)} ${verb} the console password of IAM user ${userName}`,
        dedupKey: `${accountOf(event)}|login-profile|${userName.toLowerCase()}`,
        resources: [userName],
        severity: 'high',
      };
    }
    if (event.eventName !== 'CreateLoginProfile') return undefined;
    return {
      summary: `${principalOf(event)} gave itself a console password`,
      dedupKey: `${accountOf(event)}|login-profile|${principalForDedup(event)}`,
      resources: userName ? [userName] : [],
    };
  },
};
