import { getPath, isTrue } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector } from '../types.js';

/** SES (v1 and v2 share the event source) calls that size up an account's ability to send mail. */
const SES_RECON = [
  'GetSendQuota',
  'GetAccountSendingEnabled',
  'ListIdentities',
  'GetIdentityVerificationAttributes',
  'ListEmailIdentities',
  'GetAccount',
];

/** One principal checking, three different ways, whether the account can send email. */
export const sesReconnaissance: Detector = {
  id: 'ses-reconnaissance',
  title: 'SES sending capability enumerated',
  severity: 'medium',
  description:
    'One principal made 3 or more different SES calls that reveal whether and how much the ' +
    'account can send (GetSendQuota, GetAccountSendingEnabled, ListIdentities, ' +
    'GetIdentityVerificationAttributes, SES v2 ListEmailIdentities and GetAccount) within 6 ' +
    'hours. Stolen keys are routinely checked for SES access to send spam and phishing from a ' +
    'trusted domain. Calls from console sessions are ignored: the SES console makes these ' +
    'calls together on every visit. Benign causes: a new mail-sending integration being set ' +
    'up, monitoring of SES quotas from scripts.',
  attack: ['T1526', 'T1580'],
  references: [
    'https://docs.aws.amazon.com/ses/latest/dg/logging-using-cloudtrail.html',
    'https://docs.aws.amazon.com/ses/latest/APIReference/API_GetSendQuota.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 21600,
  threshold: { count: 3, windowSeconds: 21600, distinct: true },
  listensTo: [{ eventSource: 'ses.amazonaws.com', eventNames: SES_RECON }],
  match(event) {
    if (!succeeded(event)) return undefined;
    if (isTrue(getPath(event, 'sessionCredentialFromConsole'))) return undefined;
    const id = event.userIdentity;
    if (id?.type === 'AWSService' || id?.invokedBy) return undefined;
    return {
      summary: `${principalOf(event)} called SES ${event.eventName} in ${event.awsRegion ?? 'an unknown region'}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}`,
      distinctValue: event.eventName,
    };
  },
};
