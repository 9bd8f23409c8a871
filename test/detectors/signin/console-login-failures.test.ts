import { describe, expect, it } from 'vitest';
import {
  failedLogin,
  hiddenUser,
} from '../../../detectors/signin/console-login-failures.examples.js';
import { consoleLoginFailures } from '../../../detectors/signin/console-login-failures.js';
import { detect } from '../../helpers/detect.js';
import { identities } from '../../helpers/events.js';

const unknownUser = (sourceIPAddress: string) =>
  failedLogin(0, { sourceIPAddress, userIdentity: hiddenUser });

describe('Detector: console-login-failures', () => {
  it('declares the CIS threshold of 5 failures in 15 minutes', () => {
    expect(consoleLoginFailures.threshold).toEqual({ count: 5, windowSeconds: 900 });
  });

  it('counts a failed IAM user sign-in against that user', () => {
    // Act
    const findings = detect(consoleLoginFailures, failedLogin());

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('medium');
    expect(findings[0]?.dedupKey).toBe('111122223333|user:anaya');
    expect(findings[0]?.summary).toBe(
      'Console sign-in failed for IAM user anaya from 198.51.100.7',
    );
  });

  it("groups one user's failures from different addresses together", () => {
    const a = detect(consoleLoginFailures, failedLogin(0, { sourceIPAddress: '198.51.100.7' }));
    const b = detect(consoleLoginFailures, failedLogin(0, { sourceIPAddress: '203.0.113.99' }));

    expect(a[0]?.dedupKey).toBe(b[0]?.dedupKey);
  });

  it('groups failures for unknown user names by source address', () => {
    const a = detect(consoleLoginFailures, unknownUser('198.51.100.7'));
    const b = detect(consoleLoginFailures, unknownUser('198.51.100.7'));
    const other = detect(consoleLoginFailures, unknownUser('203.0.113.99'));

    expect(a[0]?.dedupKey).toBe('111122223333|ip:198.51.100.7');
    expect(b[0]?.dedupKey).toBe(a[0]?.dedupKey);
    expect(other[0]?.dedupKey).not.toBe(a[0]?.dedupKey);
    expect(a[0]?.summary).toBe('Console sign-in failed for an unknown user name from 198.51.100.7');
  });

  it('counts root failures as high severity', () => {
    const root = failedLogin(0, {
      userIdentity: { ...identities.root(), accessKeyId: '' },
    });

    const [finding] = detect(consoleLoginFailures, root);

    expect(finding?.severity).toBe('high');
    expect(finding?.dedupKey).toBe('111122223333|root');
  });

  it('counts a failure logged only with an errorMessage', () => {
    const event = failedLogin(0, { responseElements: null });

    expect(detect(consoleLoginFailures, event)).toHaveLength(1);
  });

  it('ignores a successful sign-in', () => {
    const success = failedLogin(0, {
      errorMessage: undefined,
      responseElements: { ConsoleLogin: 'Success' },
    });

    expect(detect(consoleLoginFailures, success)).toEqual([]);
  });

  it('ignores failures of other sign-in steps and other services', () => {
    expect(detect(consoleLoginFailures, failedLogin(0, { eventName: 'CheckMfa' }))).toEqual([]);
    expect(
      detect(consoleLoginFailures, failedLogin(0, { eventSource: 'sso.amazonaws.com' })),
    ).toEqual([]);
  });

  it('does not throw without a user identity', () => {
    const event = failedLogin(0, { userIdentity: null });

    expect(detect(consoleLoginFailures, event)[0]?.dedupKey).toBe('111122223333|ip:198.51.100.7');
  });
});
