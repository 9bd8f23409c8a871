import { accountOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { CloudTrailEvent, Detector, FindingDraft, RawHint } from '../types.js';

/** Root acts as `"type":"Root"`: a record without these bytes is not root's. */
const ROOT_HINT: RawHint = { contains: ['Root'] };

/**
 * The root user acting itself. As CIS 5.3: not a service acting on its behalf
 * (`invokedBy`) and not a service event. One exception to CIS: actions taken in
 * the console carry `invokedBy: "signin.amazonaws.com"` in older records, and
 * that is the root user at the keyboard, so it counts.
 */
function isRootActing(event: CloudTrailEvent): boolean {
  const id = event.userIdentity;
  if (id?.type !== 'Root') return false;
  if (event.eventType === 'AwsServiceEvent') return false;
  return !id.invokedBy || id.invokedBy === 'signin.amazonaws.com';
}

function consoleLogin(event: CloudTrailEvent, account: string, ip: string): FindingDraft {
  if (succeeded(event)) {
    return {
      summary: `Root user signed in to the console from ${ip}`,
      dedupKey: `${account}|root|console-login`,
      severity: 'critical',
    };
  }
  // An attempt only: the password may well have been wrong. Bursts are console-login-failures.
  return {
    summary: `Root user console sign-in failed from ${ip}`,
    dedupKey: `${account}|root|console-login-failed`,
    severity: 'medium',
  };
}

/** Any activity by the account root user. */
export const rootAccountUsed: Detector = {
  id: 'root-account-used',
  title: 'Root user activity',
  severity: 'high',
  description:
    'The account root user made a call or signed in. Root cannot be restricted by IAM ' +
    'policies and is needed for only a handful of tasks, so any use deserves a look. A ' +
    'successful root console sign-in is critical; a failed one is medium (bursts are ' +
    'console-login-failures). Failed API calls still count as high: the request was signed ' +
    'with valid root credentials and only authorisation (for example an SCP) stopped it. ' +
    'Services acting for root (invokedBy) and service events are ignored, as in CIS 5.3, but ' +
    'console actions logged with invokedBy signin.amazonaws.com are root at the keyboard and ' +
    'do count. Benign causes: the documented root-only tasks (billing settings, closing the ' +
    'account, restoring IAM access).',
  attack: ['T1078.004'],
  references: [
    'CIS 5.3',
    'CloudWatch.1',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-tasks.html',
  ],
  runbook: 'root-account-use',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: '*', eventNames: '*' }],
  rawHint: () => ROOT_HINT,
  match(event) {
    // Runs on every event: the type check first keeps it one comparison for non-root calls.
    if (event.userIdentity?.type !== 'Root' || !isRootActing(event)) return undefined;
    const account = accountOf(event);
    const ip = event.sourceIPAddress ?? 'an unknown address';
    if (event.eventName === 'ConsoleLogin' && event.eventSource === 'signin.amazonaws.com') {
      return consoleLogin(event, account, ip);
    }
    const outcome = succeeded(event) ? '' : ` (failed: ${event.errorCode ?? event.errorMessage})`;
    return {
      summary: `Root user called ${event.eventSource} ${event.eventName} from ${ip}${outcome}`,
      // One alert per root session-hour, however many calls it makes.
      dedupKey: `${account}|root|activity`,
    };
  },
};
