import type { CloudTrailEvent } from '../types.js';

/**
 * True when the call succeeded. CloudTrail marks failures with `errorCode` (and
 * usually `errorMessage`); an empty string counts as absent. Console sign-in
 * failures carry only `errorMessage` and `responseElements.ConsoleLogin: "Failure"`.
 */
export function succeeded(event: CloudTrailEvent): boolean {
  if (event.errorCode) return false;
  if (event.errorMessage) return false;
  const consoleLogin = event.responseElements?.ConsoleLogin;
  return consoleLogin !== 'Failure';
}

/** Error codes CIS/Security Hub CloudWatch.2 counts as unauthorized calls. */
export function isAccessDenied(event: CloudTrailEvent): boolean {
  const code = event.errorCode;
  if (!code) return false;
  return code.startsWith('AccessDenied') || code.endsWith('UnauthorizedOperation');
}
