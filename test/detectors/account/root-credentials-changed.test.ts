import { describe, expect, it } from 'vitest';
import { rootCredentialsChanged } from '../../../detectors/account/root-credentials-changed.js';
import type { CloudTrailEvent } from '../../../detectors/types.js';
import { detect } from '../../helpers/detect.js';
import { cloudTrailEvent, identities } from '../../helpers/events.js';

const signin = (eventName: string, overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'signin.amazonaws.com',
    eventName,
    eventType: 'AwsConsoleSignIn',
    userIdentity: identities.root(),
    responseElements: { [eventName]: 'Success' },
    ...overrides,
  });

const iam = (eventName: string, requestParameters: Record<string, unknown> | null = null) =>
  cloudTrailEvent({
    eventSource: 'iam.amazonaws.com',
    eventName,
    userIdentity: identities.root(),
    requestParameters,
  });

describe('Detector: root-credentials-changed', () => {
  it.each([
    ['CreateAccessKey', 'critical'],
    ['UploadSigningCertificate', 'high'],
    ['CreateLoginProfile', 'high'],
  ])('rates root %s for itself as %s', (eventName, severity) => {
    expect(detect(rootCredentialsChanged, iam(eventName))[0]?.severity).toBe(severity);
  });

  it.each([
    ['PasswordUpdated', 'high'],
    ['PasswordRecoveryCompleted', 'high'],
    ['PasswordRecoveryRequested', 'medium'],
  ])('rates %s as %s', (eventName, severity) => {
    expect(detect(rootCredentialsChanged, signin(eventName))[0]?.severity).toBe(severity);
  });

  it('accepts a recovery event whose identity is Unknown or missing', () => {
    const unknown = signin('PasswordRecoveryRequested', {
      userIdentity: { type: 'Unknown', accountId: '111122223333' },
    });
    expect(detect(rootCredentialsChanged, unknown)).toHaveLength(1);
    expect(
      detect(rootCredentialsChanged, signin('PasswordRecoveryRequested', { userIdentity: null })),
    ).toHaveLength(1);
  });

  it('ignores sign-in password events of other identity types', () => {
    const event = signin('PasswordUpdated', { userIdentity: identities.iamUser() });
    expect(detect(rootCredentialsChanged, event)).toEqual([]);
  });

  it('ignores root naming an IAM user, even with odd spacing', () => {
    expect(detect(rootCredentialsChanged, iam('CreateLoginProfile', { userName: 'ana' }))).toEqual(
      [],
    );
    expect(detect(rootCredentialsChanged, iam('CreateAccessKey', { userName: ' ' }))).toHaveLength(
      1,
    );
  });

  it('ignores a service acting for root', () => {
    const event = {
      ...iam('CreateAccessKey'),
      userIdentity: { ...identities.root(), invokedBy: 'cloudformation.amazonaws.com' },
    };
    expect(detect(rootCredentialsChanged, event)).toEqual([]);
  });
});
