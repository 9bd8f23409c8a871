import { describe, expect, it } from 'vitest';
import { consolePasswordSpraying } from '../../../detectors/signin/console-password-spraying.js';
import type { CloudTrailEvent } from '../../../detectors/types.js';
import { detect } from '../../helpers/detect.js';
import { ACCOUNT, cloudTrailEvent, identities, OTHER_ACCOUNT } from '../../helpers/events.js';

const failedLogin = (overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    eventType: 'AwsConsoleSignIn',
    userIdentity: { type: 'IAMUser', accountId: ACCOUNT, accessKeyId: '', userName: 'Ana' },
    sourceIPAddress: '198.51.100.7',
    errorMessage: 'Failed authentication',
    responseElements: { ConsoleLogin: 'Failure' },
    ...overrides,
  });

describe('Detector: console-password-spraying', () => {
  it('groups by source address, so the same users from two addresses are two bursts', () => {
    const [a] = detect(consolePasswordSpraying, failedLogin());
    const [b] = detect(consolePasswordSpraying, failedLogin({ sourceIPAddress: '203.0.113.9' }));
    expect(a?.dedupKey).not.toBe(b?.dedupKey);
    expect(a?.distinctValue).toBe(b?.distinctValue);
  });

  it('counts one user name once, whatever its case', () => {
    const [a] = detect(consolePasswordSpraying, failedLogin());
    const [b] = detect(
      consolePasswordSpraying,
      failedLogin({ userIdentity: { type: 'IAMUser', accountId: ACCOUNT, userName: 'ANA' } }),
    );
    expect(a?.distinctValue).toBe(b?.distinctValue);
  });

  it('counts the same name in two accounts as two targets of one address', () => {
    const [a] = detect(consolePasswordSpraying, failedLogin());
    const [b] = detect(consolePasswordSpraying, failedLogin({ recipientAccountId: OTHER_ACCOUNT }));
    expect(a?.dedupKey).toBe(b?.dedupKey);
    expect(a?.distinctValue).not.toBe(b?.distinctValue);
  });

  it('counts the root user as a target', () => {
    const [finding] = detect(
      consolePasswordSpraying,
      failedLogin({ userIdentity: identities.root() }),
    );
    expect(finding?.distinctValue).toBe(`${ACCOUNT}|root`);
  });

  it('merges every hidden user name into one value', () => {
    const hidden = (ip: string) =>
      failedLogin({
        userIdentity: { type: 'IAMUser', userName: 'HIDDEN_DUE_TO_SECURITY_REASONS' },
        sourceIPAddress: ip,
      });
    const [a] = detect(consolePasswordSpraying, hidden('198.51.100.7'));
    const [b] = detect(consolePasswordSpraying, { ...hidden('198.51.100.7'), userIdentity: null });
    expect(a?.distinctValue).toBe(b?.distinctValue);
  });

  it('ignores failures without a source address', () => {
    expect(detect(consolePasswordSpraying, failedLogin({ sourceIPAddress: undefined }))).toEqual(
      [],
    );
  });
});
