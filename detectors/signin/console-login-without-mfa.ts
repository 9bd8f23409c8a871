import { asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import type { Detector } from '../types.js';

/** An IAM user signed in to the console with a password alone. */
export const consoleLoginWithoutMfa: Detector = {
  id: 'console-login-without-mfa',
  title: 'Console sign-in without MFA',
  severity: 'high',
  description:
    'An IAM user signed in to the AWS Management Console successfully without MFA ' +
    '(additionalEventData.MFAUsed is not "Yes"). A password alone is one phished or reused ' +
    'secret away from account takeover. Only IAM users match, as in CIS 5.2: SSO (Identity ' +
    'Center) and SAML sign-ins authenticate, and enforce MFA, at the identity provider, and ' +
    'root sign-ins are reported by root-account-used. Benign causes: users not yet enrolled ' +
    'in MFA, break-glass users.',
  attack: ['T1078.004'],
  references: [
    'CIS 5.2',
    'CloudWatch.3',
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'signin.amazonaws.com', eventNames: ['ConsoleLogin'] }],
  match(event) {
    // SAML and SSO sign-ins are logged as AssumedRole, so this type test keeps them out too.
    if (event.userIdentity?.type !== 'IAMUser') return undefined;
    if (asString(getPath(event.responseElements, 'ConsoleLogin')) !== 'Success') return undefined;
    const mfaUsed = asString(getPath(event.additionalEventData, 'MFAUsed'));
    if (mfaUsed?.trim().toLowerCase() === 'yes') return undefined;
    const from = event.sourceIPAddress ?? 'an unknown address';
    return {
      summary: `${principalOf(event)} signed in to the console without MFA from ${from}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}`,
    };
  },
};
