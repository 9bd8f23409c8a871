import { describe, expect, it } from 'vitest';
import {
  consoleLogin,
  samlLogin,
} from '../../../detectors/signin/console-login-without-mfa.examples.js';
import { consoleLoginWithoutMfa } from '../../../detectors/signin/console-login-without-mfa.js';
import { detect } from '../../helpers/detect.js';
import { identities } from '../../helpers/events.js';

describe('Detector: console-login-without-mfa', () => {
  it('fires when an IAM user signs in without MFA', () => {
    // Act
    const findings = detect(consoleLoginWithoutMfa, consoleLogin());

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.summary).toBe(
      'arn:aws:iam::111122223333:user/anaya signed in to the console without MFA from 203.0.113.10',
    );
    expect(findings[0]?.dedupKey).toBe('111122223333|arn:aws:iam::111122223333:user/anaya');
  });

  it('fires when the MFAUsed field is missing', () => {
    expect(
      detect(
        consoleLoginWithoutMfa,
        consoleLogin({ additionalEventData: { MobileVersion: 'No' } }),
      ),
    ).toHaveLength(1);
    expect(
      detect(consoleLoginWithoutMfa, consoleLogin({ additionalEventData: null })),
    ).toHaveLength(1);
  });

  it('ignores a sign-in with MFA', () => {
    const event = consoleLogin({
      additionalEventData: { LoginTo: 'https://console.aws.amazon.com/', MFAUsed: 'Yes' },
    });

    expect(detect(consoleLoginWithoutMfa, event)).toEqual([]);
  });

  it('ignores an IAM Identity Center (SSO) sign-in', () => {
    const event = consoleLogin({ userIdentity: identities.ssoUser() });

    expect(detect(consoleLoginWithoutMfa, event)).toEqual([]);
  });

  it('ignores a SAML federated sign-in', () => {
    const event = samlLogin();

    expect(detect(consoleLoginWithoutMfa, event)).toEqual([]);
  });

  it('ignores a failed sign-in', () => {
    const event = consoleLogin({
      errorMessage: 'Failed authentication',
      responseElements: { ConsoleLogin: 'Failure' },
    });

    expect(detect(consoleLoginWithoutMfa, event)).toEqual([]);
  });

  it('leaves root sign-ins to root-account-used', () => {
    expect(
      detect(consoleLoginWithoutMfa, consoleLogin({ userIdentity: identities.root() })),
    ).toEqual([]);
  });

  it('ignores other sign-in events and missing responses', () => {
    expect(detect(consoleLoginWithoutMfa, consoleLogin({ eventName: 'CheckMfa' }))).toEqual([]);
    expect(detect(consoleLoginWithoutMfa, consoleLogin({ responseElements: null }))).toEqual([]);
  });
});
