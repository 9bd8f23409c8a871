import { requestString } from '../helpers/iam-target.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { Detector, Severity } from '../types.js';

const STEPS: Readonly<Record<string, { words: string; severity: Severity }>> = {
  TransferDomainToAnotherAwsAccount: {
    words: 'started transferring domain {domain} to another AWS account',
    severity: 'high',
  },
  DisableDomainTransferLock: {
    words: 'removed the transfer lock of domain {domain}',
    severity: 'high',
  },
  // The auth code is all another registrar needs once the lock is off.
  RetrieveDomainAuthCode: {
    words: 'retrieved the transfer auth code of domain {domain}',
    severity: 'high',
  },
  UpdateDomainContact: { words: 'changed the contacts of domain {domain}', severity: 'medium' },
};

/** A step towards moving a registered domain out of the account's control. */
export const route53DomainTransfer: Detector = {
  id: 'route53-domain-transfer',
  title: 'Route 53 domain transfer or transfer preparation',
  severity: 'high',
  description:
    'Route 53 Domains calls that move a domain out of the account: a transfer to another AWS ' +
    'account started, the transfer lock removed, or the auth code another registrar needs ' +
    'retrieved (high); the registrant or admin contacts changed (medium), which decides who ' +
    'approves transfers and receives renewal notices. A hijacked domain gives the attacker ' +
    "the organisation's mail, web traffic and certificate issuance. Benign causes: moving " +
    'domains between accounts or registrars, contact updates after staff changes.',
  attack: ['T1584.001'],
  references: [
    'https://docs.aws.amazon.com/Route53/latest/APIReference/API_domains_TransferDomainToAnotherAwsAccount.html',
    'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/domain-transfer-from-route-53.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'route53domains.amazonaws.com', eventNames: Object.keys(STEPS) }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const step = STEPS[event.eventName];
    if (!step) return undefined;
    const domain = requestString(event, 'domainName') ?? 'an unnamed domain';
    return {
      summary: `${principalOf(event)} ${step.words.replace('{domain}', () => domain)}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${domain.toLowerCase()}`,
      resources: [domain],
      severity: step.severity,
    };
  },
};
