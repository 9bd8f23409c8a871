import { describe, expect, it } from 'vitest';
import { accessDeniedBurst } from '../../../detectors/account/access-denied-burst.js';
import type { CloudTrailEvent } from '../../../detectors/types.js';
import { detect } from '../../helpers/detect.js';
import { cloudTrailEvent, failed, identities } from '../../helpers/events.js';

const listSecrets = (overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'secretsmanager.amazonaws.com',
    eventName: 'ListSecrets',
    readOnly: true,
    ...overrides,
  });

const denied = (errorCode: string, overrides: Partial<CloudTrailEvent> = {}) =>
  failed(
    listSecrets(overrides),
    errorCode,
    'User: arn:aws:iam::111122223333:user/alice is not authorized to perform: secretsmanager:ListSecrets',
  );

describe('Detector: access-denied-burst', () => {
  it('declares a threshold of 20 denials in 10 minutes on every event', () => {
    expect(accessDeniedBurst.threshold).toEqual({ count: 20, windowSeconds: 600 });
    expect(accessDeniedBurst.listensTo).toEqual([{ eventSource: '*', eventNames: '*' }]);
  });

  it('counts an AccessDeniedException against the caller', () => {
    // Act
    const findings = detect(accessDeniedBurst, denied('AccessDeniedException'));

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('medium');
    expect(findings[0]?.dedupKey).toBe('111122223333|arn:aws:iam::111122223333:user/alice');
    expect(findings[0]?.summary).toBe(
      'arn:aws:iam::111122223333:user/alice was denied secretsmanager.amazonaws.com ListSecrets ' +
        '(AccessDeniedException)',
    );
  });

  it('counts S3 AccessDenied and EC2 Client.UnauthorizedOperation', () => {
    const s3 = denied('AccessDenied', {
      eventSource: 's3.amazonaws.com',
      eventName: 'ListBuckets',
    });
    const ec2 = denied('Client.UnauthorizedOperation', {
      eventSource: 'ec2.amazonaws.com',
      eventName: 'RunInstances',
    });

    expect(detect(accessDeniedBurst, s3)).toHaveLength(1);
    expect(detect(accessDeniedBurst, ec2)).toHaveLength(1);
  });

  it("groups an assumed role's denials across session names", () => {
    const a = detect(
      accessDeniedBurst,
      denied('AccessDenied', { userIdentity: identities.assumedRole('Ops', 'session-a') }),
    );
    const b = detect(
      accessDeniedBurst,
      denied('AccessDenied', { userIdentity: identities.assumedRole('Ops', 'session-b') }),
    );

    expect(a[0]?.dedupKey).toBe('111122223333|arn:aws:sts::111122223333:assumed-role/Ops');
    expect(b[0]?.dedupKey).toBe(a[0]?.dedupKey);
  });

  it('counts denials of the root user and of web-identity sessions', () => {
    for (const userIdentity of [identities.root(), identities.webIdentityUser()]) {
      expect(detect(accessDeniedBurst, denied('AccessDenied', { userIdentity }))).toHaveLength(1);
    }
  });

  it.each([
    'ThrottlingException',
    'NoSuchBucketPolicy',
    'ResourceNotFoundException',
    'InvalidParameterValue',
  ])('ignores %s errors', (errorCode) => {
    expect(detect(accessDeniedBurst, denied(errorCode))).toEqual([]);
  });

  it('ignores successful calls', () => {
    expect(detect(accessDeniedBurst, listSecrets())).toEqual([]);
  });

  it('ignores denials of AWS service principals', () => {
    const event = denied('AccessDenied', {
      userIdentity: identities.awsService('config.amazonaws.com'),
    });

    expect(detect(accessDeniedBurst, event)).toEqual([]);
  });
});
