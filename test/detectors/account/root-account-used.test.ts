import { describe, expect, it } from 'vitest';
import {
  rootCall,
  rootConsoleLogin,
} from '../../../detectors/account/root-account-used.examples.js';
import { rootAccountUsed } from '../../../detectors/account/root-account-used.js';
import { detect } from '../../helpers/detect.js';
import { ACCOUNT, failed, identities } from '../../helpers/events.js';

describe('Detector: root-account-used', () => {
  it('listens to every event', () => {
    expect(rootAccountUsed.listensTo).toEqual([{ eventSource: '*', eventNames: '*' }]);
  });

  it('fires high on a root API call', () => {
    // Act
    const findings = detect(rootAccountUsed, rootCall());

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.summary).toBe(
      'Root user called iam.amazonaws.com CreateAccessKey from 203.0.113.10',
    );
    expect(findings[0]?.dedupKey).toBe('111122223333|root|activity');
  });

  it("groups a root session's calls into one dedup key", () => {
    const kms = rootCall({
      eventSource: 'kms.amazonaws.com',
      eventName: 'ScheduleKeyDeletion',
      requestParameters: { keyId: '1234abcd-12ab-34cd-56ef-1234567890ab', pendingWindowInDays: 7 },
      resources: [
        {
          accountId: ACCOUNT,
          type: 'AWS::KMS::Key',
          ARN: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
        },
      ],
    });

    const [finding] = detect(rootAccountUsed, kms);

    expect(finding?.dedupKey).toBe(detect(rootAccountUsed, rootCall())[0]?.dedupKey);
    expect(finding?.resources).toEqual([
      `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
    ]);
  });

  it('fires on root console actions logged with invokedBy signin.amazonaws.com', () => {
    const event = rootCall({
      eventSource: 'cloudtrail.amazonaws.com',
      eventName: 'StopLogging',
      userAgent: 'signin.amazonaws.com',
      userIdentity: { ...identities.root(), invokedBy: 'signin.amazonaws.com' },
      requestParameters: { name: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/org-trail` },
      responseElements: null,
    });

    expect(detect(rootAccountUsed, event)).toHaveLength(1);
  });

  it('fires critical on a successful root console sign-in', () => {
    const [finding] = detect(rootAccountUsed, rootConsoleLogin('Success'));

    expect(finding?.severity).toBe('critical');
    expect(finding?.summary).toBe('Root user signed in to the console from 192.0.2.44');
    expect(finding?.dedupKey).toBe('111122223333|root|console-login');
  });

  it('fires medium on a failed root console sign-in', () => {
    const [finding] = detect(rootAccountUsed, rootConsoleLogin('Failure'));

    expect(finding?.severity).toBe('medium');
    expect(finding?.summary).toBe('Root user console sign-in failed from 192.0.2.44');
  });

  it('fires high on a root API call that authorisation refused', () => {
    const [finding] = detect(rootAccountUsed, failed(rootCall()));

    expect(finding?.severity).toBe('high');
    expect(finding?.summary).toContain('(failed: AccessDenied)');
  });

  it('ignores a service acting for root', () => {
    const event = rootCall({ userIdentity: { ...identities.root(), invokedBy: 'AWS Internal' } });

    expect(detect(rootAccountUsed, event)).toEqual([]);
  });

  it('ignores service events attributed to root', () => {
    const event = rootCall({
      eventSource: 'quicksight.amazonaws.com',
      eventName: 'BatchCreateUser',
      eventType: 'AwsServiceEvent',
      serviceEventDetails: { eventRequestDetails: { users: {} } },
    });

    expect(detect(rootAccountUsed, event)).toEqual([]);
  });

  it.each([
    ['an IAM user', identities.iamUser()],
    ['an assumed role', identities.assumedRole()],
    ['an AWS service', identities.awsService()],
    ['an SSO session', identities.ssoUser()],
  ])('ignores %s', (_label, userIdentity) => {
    expect(detect(rootAccountUsed, rootCall({ userIdentity }))).toEqual([]);
  });

  it('ignores events without a user identity', () => {
    expect(detect(rootAccountUsed, rootCall({ userIdentity: null }))).toEqual([]);
  });
});
