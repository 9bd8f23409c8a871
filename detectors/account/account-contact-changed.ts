import { requestString } from '../helpers/iam-target.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { CloudTrailEvent, Detector, Severity } from '../types.js';

const CHANGES: Readonly<Record<string, { words: string; severity: Severity }>> = {
  PutAlternateContact: { words: 'set the {type}alternate contact', severity: 'medium' },
  DeleteAlternateContact: { words: 'deleted the {type}alternate contact', severity: 'medium' },
  PutContactInformation: { words: 'changed the primary contact information', severity: 'medium' },
  StartPrimaryEmailUpdate: { words: 'started changing the root email address', severity: 'medium' },
  // The root email address is where password resets go: whoever owns it owns the account.
  AcceptPrimaryEmailUpdate: { words: 'changed the root email address', severity: 'high' },
};

function words(event: CloudTrailEvent, template: string): string {
  const type = requestString(event, 'alternateContactType')?.toLowerCase();
  // A replacer function: `$` sequences in request text must not act as replacement patterns.
  return template.replace('{type}', () => (type ? `${type} ` : ''));
}

/** Account contacts or the root email address changed: the channels AWS uses to reach the owner. */
export const accountContactChanged: Detector = {
  id: 'account-contact-changed',
  title: 'Account contact details or root email changed',
  severity: 'medium',
  description:
    'AWS Account Management calls changed where AWS reaches the account owner: an alternate ' +
    '(billing, operations, security) contact set or deleted, the primary contact information ' +
    'changed, or a change of the root email address started (medium) or completed (high). ' +
    'Attackers taking over an account redirect these so abuse reports, security notices and ' +
    'password resets reach them instead of the owner. With AWS Organizations the request ' +
    'names the member account changed. Benign causes: staff changes, contact clean-up, ' +
    'landing-zone automation setting contacts in new accounts.',
  attack: ['T1098'],
  references: [
    'https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-alternate.html',
    'https://docs.aws.amazon.com/accounts/latest/reference/API_AcceptPrimaryEmailUpdate.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'account.amazonaws.com', eventNames: Object.keys(CHANGES) }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const change = CHANGES[event.eventName];
    if (!change) return undefined;
    const account = requestString(event, 'accountId') ?? accountOf(event);
    return {
      summary: `${principalOf(event)} ${words(event, change.words)} of account ${account}`,
      dedupKey: `${account}|${principalForDedup(event)}|${event.eventName}`,
      resources: [account],
      severity: change.severity,
    };
  },
};
