import { type CloudTrailEvent, type OutcomePolicy, SEVERITIES, type Severity } from '../types.js';
import { succeeded } from './outcome.js';

/**
 * How a call counts for a detector that reports attempts (`DetectorMeta.outcome`):
 * `undefined` when it succeeded (judged as usual), its error when it failed in a
 * way the policy reports, `'ignored'` when it failed otherwise (a missing
 * resource, a validation error: nothing was tried that the detector is about).
 */
export function attemptOf(
  event: CloudTrailEvent,
  policy: OutcomePolicy,
): { readonly errorCode: string } | 'ignored' | undefined {
  if (succeeded(event)) return undefined;
  const code = typeof event.errorCode === 'string' ? event.errorCode : '';
  if (policy.failures !== 'all' && !isDenial(code)) return 'ignored';
  return { errorCode: code.length > 0 ? code : 'an error' };
}

/**
 * Error codes AWS services use when the caller lacks permission: IAM's
 * `AccessDenied`, `AccessDeniedException`, EC2's `Client.UnauthorizedOperation`,
 * Organizations' `AccessDeniedForDependencyException`, Cognito's `NotAuthorizedException`, ….
 */
export function isDenial(code: string): boolean {
  return /^(?:Client\.)?(?:AccessDenied|Unauthorized|NotAuthorized|AuthorizationError|Forbidden)|UnauthorizedOperation$|AccessDenied$/.test(
    code,
  );
}

/**
 * The call as it was asked for: the same record without its error and response,
 * so a detector's `match` judges the request and cannot read a change from a
 * response that a failed call never had.
 */
export function requestOnly(event: CloudTrailEvent): CloudTrailEvent {
  const {
    errorCode: _code,
    errorMessage: _message,
    responseElements: _response,
    ...request
  } = event;
  return request as CloudTrailEvent;
}

/** One level below `severity` (info stays info): an attempt that failed weighs less than a success. */
export function attemptSeverity(severity: Severity): Severity {
  const index = SEVERITIES.indexOf(severity);
  return SEVERITIES[Math.min(index + 1, SEVERITIES.length - 1)] ?? severity;
}
