import { describe, expect, it } from 'vitest';
import {
  disableKey,
  KEY_ARN,
  KEY_ID,
  scheduleDeletion,
} from '../../../detectors/kms/kms-key-disabled-or-deleted.examples.js';
import { kmsKeyDisabledOrDeleted } from '../../../detectors/kms/kms-key-disabled-or-deleted.js';
import { detect } from '../../helpers/detect.js';
import { failed, identities } from '../../helpers/events.js';

describe('Detector: kms-key-disabled-or-deleted', () => {
  it('fires on a scheduled deletion and names the pending window', () => {
    // Prepare
    const event = scheduleDeletion({
      requestParameters: { pendingWindowInDays: 20, keyId: KEY_ID },
    });

    // Act
    const findings = detect(kmsKeyDisabledOrDeleted, event);

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.summary).toBe(
      `arn:aws:iam::111122223333:user/alice scheduled deletion of KMS key ${KEY_ARN} in 20 days`,
    );
    expect(findings[0]?.resources).toEqual([KEY_ARN]);
  });

  it('reports the 30-day default when no window was requested', () => {
    const event = scheduleDeletion({ requestParameters: { keyId: KEY_ID } });

    expect(detect(kmsKeyDisabledOrDeleted, event)[0]?.summary).toContain(
      'in 30 days (default window)',
    );
  });

  it('reads a window logged as a string and ignores a nonsensical one', () => {
    const asString = scheduleDeletion({
      requestParameters: { keyId: KEY_ID, pendingWindowInDays: '7' },
    });
    const nonsense = scheduleDeletion({
      requestParameters: { keyId: KEY_ID, pendingWindowInDays: { days: 7 } },
    });

    expect(detect(kmsKeyDisabledOrDeleted, asString)[0]?.summary).toContain('in 7 days');
    expect(detect(kmsKeyDisabledOrDeleted, nonsense)[0]?.summary).toContain(
      'in 30 days (default window)',
    );
  });

  it('fires when an assumed role disables a key, naming the key it passed', () => {
    const event = disableKey({ userIdentity: identities.assumedRole('Ops', 'mallory') });

    const [finding] = detect(kmsKeyDisabledOrDeleted, event);

    expect(finding?.summary).toBe(
      `arn:aws:sts::111122223333:assumed-role/Ops/mallory disabled KMS key ${KEY_ID}`,
    );
    expect(finding?.dedupKey).toBe(`111122223333|kms|${KEY_ID}`);
  });

  it.each(['EnableKeyRotation', 'EnableKey', 'CancelKeyDeletion'])('ignores %s', (eventName) => {
    expect(detect(kmsKeyDisabledOrDeleted, disableKey({ eventName }))).toEqual([]);
  });

  it('ignores a failed call', () => {
    expect(
      detect(kmsKeyDisabledOrDeleted, failed(scheduleDeletion(), 'KMSInvalidStateException')),
    ).toEqual([]);
  });

  it('ignores the same names from another service', () => {
    expect(
      detect(
        kmsKeyDisabledOrDeleted,
        disableKey({ eventSource: 'payment-cryptography.amazonaws.com' }),
      ),
    ).toEqual([]);
  });

  it('does not throw when request and response were not logged', () => {
    const event = disableKey({ requestParameters: null });

    expect(detect(kmsKeyDisabledOrDeleted, event)[0]?.summary).toContain('an unnamed key');
  });
});
