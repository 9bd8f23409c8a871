import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { isAccessDenied } from '../helpers/outcome.js';
import type { Detector, RawHint } from '../types.js';

/** Many calls refused for one principal: someone probing what stolen credentials can do. */
/** A denial is an errorCode (`"errorCode":`): a record without the key was not denied. */
const ERROR_HINT: RawHint = { contains: ['Code":'] };

export const accessDeniedBurst: Detector = {
  id: 'access-denied-burst',
  title: 'Burst of access-denied calls',
  severity: 'medium',
  description:
    'One principal got 20 or more AccessDenied* or *UnauthorizedOperation errors within ten ' +
    'minutes (the CIS 5.1 / CloudWatch.2 error set). Attackers with fresh credentials try ' +
    'many calls to learn what they can do. AWS service principals are ignored: their denials ' +
    'say nothing about stolen credentials. Benign causes: a deployment with a missing ' +
    'permission retrying, security scanners running with read-only roles.',
  attack: ['T1580', 'T1526'],
  references: [
    'CIS 5.1',
    'CloudWatch.2',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  threshold: { count: 20, windowSeconds: 600 },
  listensTo: [{ eventSource: '*', eventNames: '*' }],
  rawHint: () => ERROR_HINT,
  match(event) {
    // Runs on every event: the errorCode test inside isAccessDenied rejects almost all at once.
    if (!isAccessDenied(event)) return undefined;
    if (event.userIdentity?.type === 'AWSService') return undefined;
    const call = `${event.eventSource} ${event.eventName}`;
    return {
      summary: `${principalOf(event)} was denied ${call} (${event.errorCode})`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}`,
    };
  },
};
