import { accountOf, principalForDedup } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/** What AWS writes as the user name when the name tried does not exist in the account. */
const HIDDEN_USER = 'HIDDEN_DUE_TO_SECURITY_REASONS';

/**
 * What repeated failures are grouped by. A known user (or root) is the target
 * itself. For names that do not exist AWS hides the name, so failures are
 * grouped by source address instead: one address trying many names is still
 * one burst.
 */
function failureTarget(event: CloudTrailEvent): { key: string; words: string } {
  const id = event.userIdentity;
  if (id?.type === 'Root') return { key: 'root', words: 'the root user' };
  const userName = id?.userName?.trim();
  if (userName && userName !== HIDDEN_USER) {
    return { key: `user:${userName.toLowerCase()}`, words: `IAM user ${userName}` };
  }
  if (userName === HIDDEN_USER || !id) {
    const ip = event.sourceIPAddress ?? 'unknown';
    return { key: `ip:${ip}`, words: 'an unknown user name' };
  }
  const principal = principalForDedup(event);
  return { key: principal, words: principal };
}

/** Failed console sign-ins; alerts at 5 for the same target within 15 minutes. */
export const consoleLoginFailures: Detector = {
  id: 'console-login-failures',
  title: 'Repeated console sign-in failures',
  severity: 'medium',
  description:
    'Console sign-in failed ("Failed authentication") five or more times within 15 minutes ' +
    'for the same user, or, for user names that do not exist (logged as ' +
    'HIDDEN_DUE_TO_SECURITY_REASONS), from the same source address. Password guessing or ' +
    'spraying. Failures against the root user are high severity. Benign causes: a user who ' +
    'forgot a password, a stale password in a password manager.',
  attack: ['T1110.001', 'T1110.003'],
  references: [
    'CIS 5.6',
    'CloudWatch.6',
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html',
  ],
  runbook: 'console-brute-force',
  dedupWindowSeconds: 3600,
  threshold: { count: 5, windowSeconds: 900 },
  listensTo: [{ eventSource: 'signin.amazonaws.com', eventNames: ['ConsoleLogin'] }],
  match(event) {
    if (succeeded(event)) return undefined;
    const target = failureTarget(event);
    const from = event.sourceIPAddress ?? 'an unknown address';
    return {
      summary: `Console sign-in failed for ${target.words} from ${from}`,
      dedupKey: `${accountOf(event)}|${target.key}`,
      severity: target.key === 'root' ? 'high' : undefined,
    };
  },
};
