import { describe, expect, it } from 'vitest';
import { createAccessKey } from '../../../detectors/iam/iam-access-key-for-other-user.examples.js';
import { iamAccessKeyForOtherUser } from '../../../detectors/iam/iam-access-key-for-other-user.js';
import { detect } from '../../helpers/detect.js';
import { failed, identities } from '../../helpers/events.js';

describe('Detector: iam-access-key-for-other-user', () => {
  it('fires when an IAM user creates a key for another user', () => {
    // Act
    const findings = detect(iamAccessKeyForOtherUser, createAccessKey());

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.summary).toBe(
      'arn:aws:iam::111122223333:user/alice created an access key for IAM user svc-backup',
    );
    expect(findings[0]?.resources).toEqual(['svc-backup']);
    expect(findings[0]?.dedupKey).toBe('111122223333|access-key|svc-backup');
  });

  it.each([
    ['an assumed role', identities.assumedRole('ci-deployer', 'build-8814')],
    ['an SSO session', identities.ssoUser()],
    ['the root user', identities.root()],
  ])('fires when %s names any user', (_label, userIdentity) => {
    expect(detect(iamAccessKeyForOtherUser, createAccessKey({ userIdentity }))).toHaveLength(1);
  });

  it('fires when a federated session creates a key for the user that issued it', () => {
    const event = createAccessKey({
      userIdentity: identities.federatedUser(),
      requestParameters: { userName: 'federator' },
    });

    expect(detect(iamAccessKeyForOtherUser, event)).toHaveLength(1);
  });

  it('ignores a user creating its own key by name, whatever the case', () => {
    for (const userName of ['alice', 'Alice']) {
      const event = createAccessKey({ requestParameters: { userName } });

      expect(detect(iamAccessKeyForOtherUser, event)).toEqual([]);
    }
  });

  it('ignores a key created without a user name (the caller itself)', () => {
    expect(detect(iamAccessKeyForOtherUser, createAccessKey({ requestParameters: null }))).toEqual(
      [],
    );
    expect(detect(iamAccessKeyForOtherUser, createAccessKey({ requestParameters: {} }))).toEqual(
      [],
    );
  });

  it('leaves root creating its own key to root-account-used', () => {
    const event = createAccessKey({ userIdentity: identities.root(), requestParameters: null });

    expect(detect(iamAccessKeyForOtherUser, event)).toEqual([]);
  });

  it('ignores a failed call', () => {
    expect(
      detect(iamAccessKeyForOtherUser, failed(createAccessKey(), 'LimitExceededException')),
    ).toEqual([]);
  });

  it('ignores a non-string user name', () => {
    const event = createAccessKey({ requestParameters: { userName: ['svc-backup'] } });

    expect(detect(iamAccessKeyForOtherUser, event)).toEqual([]);
  });

  it('reports a refused attempt one level lower, apart from successes', () => {
    const [attempt] = detect(iamAccessKeyForOtherUser, failed(createAccessKey(), 'AccessDenied'));

    expect(attempt?.severity).toBe('medium');
    expect(attempt?.attempt).toEqual({ errorCode: 'AccessDenied' });
    expect(attempt?.summary).toBe(
      'Attempted, failed with AccessDenied: arn:aws:iam::111122223333:user/alice created an ' +
        'access key for IAM user svc-backup',
    );
    expect(attempt?.dedupKey).toBe('111122223333|access-key|svc-backup|attempt');
  });

  it('reports no attempt when a user is refused its own key', () => {
    const event = failed(
      createAccessKey({ requestParameters: { userName: 'alice' } }),
      'AccessDenied',
    );

    expect(detect(iamAccessKeyForOtherUser, event)).toEqual([]);
  });
});
