import type { CloudTrailEvent } from '../types.js';
import { asString, getPath } from './fields.js';
import { succeeded } from './outcome.js';

/**
 * True when a sign-in event (`signin.amazonaws.com`) reports success. Besides
 * `errorCode`/`errorMessage`, sign-in events state their outcome under their own
 * name in `responseElements` (`{"GetSigninToken": "Failure"}`,
 * `{"PasswordUpdated": "Success"}`), which `succeeded` only reads for ConsoleLogin.
 */
export function signinSucceeded(event: CloudTrailEvent): boolean {
  if (!succeeded(event)) return false;
  const outcome = asString(getPath(event.responseElements, event.eventName));
  return outcome?.trim().toLowerCase() !== 'failure';
}
