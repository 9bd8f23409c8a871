import { accountOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/** What AWS logs instead of a user name that does not exist in the account. */
const HIDDEN_USER = 'HIDDEN_DUE_TO_SECURITY_REASONS';

/**
 * The sign-in target as one counted value. Every name that does not exist is
 * logged as the same placeholder, so all of them count as one: an attacker
 * guessing names is seen by console-login-failures (per source address), and
 * one person mistyping a name ten times is not spraying.
 */
function targetOf(event: CloudTrailEvent): string {
  const id = event.userIdentity;
  if (id?.type === 'Root') return 'root';
  const name = id?.userName?.trim();
  if (!name || name === HIDDEN_USER) return '(unknown user name)';
  // IAM user names are unique without regard to case.
  return `user:${name.toLowerCase()}`;
}

/** One source address failing to sign in as many different users: password spraying. */
export const consolePasswordSpraying: Detector = {
  id: 'console-password-spraying',
  title: 'Console password spraying from one address',
  severity: 'high',
  description:
    'Console sign-in failed from one source address for 10 or more different user names ' +
    'within an hour, across all accounts in the trail. Password spraying tries a few common ' +
    'passwords against many users to stay under per-user lockout and alerting; ' +
    'console-login-failures watches each user separately and misses it. Names that do not ' +
    'exist (logged as HIDDEN_DUE_TO_SECURITY_REASONS) count together as one name, since they ' +
    'cannot be told apart; guessing at names is reported by console-login-failures. Benign ' +
    'causes: many users behind one corporate proxy or NAT failing in the same hour (after a ' +
    'password policy change, for example), a misconfigured synthetic sign-in check.',
  attack: ['T1110.003'],
  references: [
    'CIS 5.6',
    'CloudWatch.6',
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html',
  ],
  runbook: 'console-brute-force',
  dedupWindowSeconds: 3600,
  threshold: { count: 10, windowSeconds: 3600, distinct: true },
  listensTo: [{ eventSource: 'signin.amazonaws.com', eventNames: ['ConsoleLogin'] }],
  match(event) {
    if (succeeded(event)) return undefined;
    const ip = event.sourceIPAddress?.trim();
    if (!ip) return undefined;
    const account = accountOf(event);
    const target = targetOf(event);
    return {
      summary: `Console sign-in failed from ${ip} for ${target} in account ${account}`,
      dedupKey: `console-spray|${ip.toLowerCase()}`,
      distinctValue: `${account}|${target}`,
    };
  },
};
