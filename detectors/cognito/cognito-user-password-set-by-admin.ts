import { asString, getPath, isTrue } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** An administrator set an app user's password in a Cognito user pool. */
export const cognitoUserPasswordSetByAdmin: Detector = {
  id: 'cognito-user-password-set-by-admin',
  title: 'Cognito user pool password set by an administrator',
  severity: 'medium',
  description:
    'AdminSetUserPassword succeeded: AWS credentials were used to set the password of a user ' +
    'of a Cognito user pool, permanently (medium) or as a temporary one the user must change ' +
    '(low). Whoever holds the new password signs in to the application as that user, and ' +
    'through the identity pool gets the AWS role that user maps to; it is the cloud-side ' +
    'path to take over application accounts. CloudTrail hides the user name, so the pool is ' +
    'what the alert names. Refused attempts are reported too (one level lower). Benign causes: ' +
    'support tooling that resets customer passwords, user migration scripts.',
  attack: ['T1098'],
  references: [
    'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminSetUserPassword.html',
    'https://docs.aws.amazon.com/cognito/latest/developerguide/logging-using-cloudtrail.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'cognito-idp.amazonaws.com', eventNames: ['AdminSetUserPassword'] }],
  match(event) {
    if (!succeeded(event) || event.userIdentity?.type === 'AWSService') return undefined;
    const pool =
      asString(getPath(event.requestParameters, 'userPoolId'))?.trim() || 'an unnamed user pool';
    const permanent = isTrue(getPath(event.requestParameters, 'permanent'));
    return {
      summary: `${principalOf(event)} set a ${permanent ? 'permanent' : 'temporary'} password for a user of ${pool}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${pool}`,
      resources: [pool],
      severity: permanent ? 'medium' : 'low',
    };
  },
};
