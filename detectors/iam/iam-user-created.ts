import { asString, getPath } from '../helpers/fields.js';
import { requestString } from '../helpers/iam-target.js';
import { principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** A new IAM user: a long-lived identity that outlives the session that made it. */
export const iamUserCreated: Detector = {
  id: 'iam-user-created',
  title: 'IAM user created',
  severity: 'medium',
  description:
    'CreateUser succeeded. Attackers create IAM users for persistence because users can hold ' +
    'long-lived access keys and console passwords. Organisations that use SSO rarely need new ' +
    'IAM users. Benign causes: onboarding in accounts that still use IAM users, service users ' +
    'created by infrastructure-as-code.',
  attack: ['T1136.003'],
  references: ['https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateUser.html'],
  runbook: 'iam-privilege-escalation',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'iam.amazonaws.com', eventNames: ['CreateUser'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const userName = requestString(event, 'userName') ?? 'an unnamed user';
    const arn = asString(getPath(event.responseElements, 'user', 'arn'));
    return {
      summary: `${principalOf(event)} created IAM user ${userName}`,
      resources: [arn || userName],
    };
  },
};
