import { asString, getPath } from '../helpers/fields.js';
import { accountOf, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/** KMS uses a 30-day waiting period when ScheduleKeyDeletion does not name one. */
const DEFAULT_PENDING_DAYS = 30;

/** The key's ARN from the response when logged, else the key id, alias or ARN the caller passed. */
function keyOf(event: CloudTrailEvent): string {
  return (
    asString(getPath(event.responseElements, 'keyId')) ||
    asString(getPath(event.requestParameters, 'keyId')) ||
    'an unnamed key'
  );
}

/** The waiting period in words. `pendingWindowInDays` is a number, or a string from some producers. */
function pendingWindow(event: CloudTrailEvent): string {
  const raw = getPath(event.requestParameters, 'pendingWindowInDays');
  if (typeof raw === 'number' && Number.isFinite(raw)) return `${raw} days`;
  if (typeof raw === 'string' && /^\d{1,4}$/.test(raw.trim())) return `${raw.trim()} days`;
  return `${DEFAULT_PENDING_DAYS} days (default window)`;
}

/** A KMS key disabled or scheduled for deletion: data encrypted under it becomes unreadable. */
export const kmsKeyDisabledOrDeleted: Detector = {
  id: 'kms-key-disabled-or-deleted',
  title: 'KMS key disabled or scheduled for deletion',
  severity: 'high',
  description:
    'DisableKey or ScheduleKeyDeletion succeeded. Everything encrypted under the key becomes ' +
    'unreadable; once deletion completes it is lost for good, which makes this a ransom and ' +
    'destruction lever. Deletion can be cancelled (CancelKeyDeletion) until the pending window ' +
    'ends, so the window is in the summary. Benign causes: planned key retirement, ' +
    'teardown of test stacks.',
  attack: ['T1485'],
  references: [
    'CIS 5.7',
    'CloudWatch.7',
    'https://docs.aws.amazon.com/kms/latest/developerguide/ct-schedule-key-deletion.html',
    'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html',
  ],
  runbook: 'kms-key-loss',
  dedupWindowSeconds: 3600,
  listensTo: [
    { eventSource: 'kms.amazonaws.com', eventNames: ['DisableKey', 'ScheduleKeyDeletion'] },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    const key = keyOf(event);
    const action =
      event.eventName === 'ScheduleKeyDeletion'
        ? `scheduled deletion of KMS key ${key} in ${pendingWindow(event)}`
        : `disabled KMS key ${key}`;
    return {
      summary: `${principalOf(event)} ${action}`,
      dedupKey: `${accountOf(event)}|kms|${key}`,
      resources: [key],
    };
  },
};
