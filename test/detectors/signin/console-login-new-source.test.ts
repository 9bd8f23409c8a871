import { describe, expect, it } from 'vitest';
import { consoleLoginNewSource } from '../../../detectors/signin/console-login-new-source.js';
import type { CloudTrailEvent } from '../../../detectors/types.js';
import { detect } from '../../helpers/detect.js';
import { cloudTrailEvent, identities } from '../../helpers/events.js';

const login = (overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    eventType: 'AwsConsoleSignIn',
    userIdentity: identities.iamUser('anaya'),
    sourceIPAddress: '192.0.2.44',
    responseElements: { ConsoleLogin: 'Success' },
    ...overrides,
  });

const keyOf = (event: CloudTrailEvent) => detect(consoleLoginNewSource, event)[0]?.firstSeenKey;

describe('Detector: console-login-new-source', () => {
  it('keys on the /24, so a new last octet is the same network', () => {
    expect(keyOf(login())).toBe(keyOf(login({ sourceIPAddress: '192.0.2.200' })));
    expect(keyOf(login())).not.toBe(keyOf(login({ sourceIPAddress: '192.0.3.44' })));
  });

  it('keys on the /48 of IPv6 addresses', () => {
    expect(keyOf(login({ sourceIPAddress: '2001:db8:1:a::1' }))).toBe(
      keyOf(login({ sourceIPAddress: '2001:db8:1:b::99' })),
    );
  });

  it('keeps users of one SSO permission set apart', () => {
    expect(keyOf(login({ userIdentity: identities.ssoUser('ana@example.com') }))).not.toBe(
      keyOf(login({ userIdentity: identities.ssoUser('ben@example.com') })),
    );
  });

  it('keeps users apart across accounts', () => {
    expect(keyOf(login())).not.toBe(keyOf(login({ recipientAccountId: '444455556666' })));
  });

  it('ignores a sign-in without a source address', () => {
    expect(detect(consoleLoginNewSource, login({ sourceIPAddress: undefined }))).toEqual([]);
  });
});
