import { describe, expect, it } from 'vitest';
import { ADMIN, attach } from '../../../detectors/iam/iam-admin-policy-attached.examples.js';
import { iamAdminPolicyAttached } from '../../../detectors/iam/iam-admin-policy-attached.js';
import { detect } from '../../helpers/detect.js';
import { failed, identities } from '../../helpers/events.js';

describe('Detector: iam-admin-policy-attached', () => {
  it('fires when an IAM user attaches AdministratorAccess to another user', () => {
    // Act
    const findings = detect(iamAdminPolicyAttached, attach());

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.summary).toBe(
      'arn:aws:iam::111122223333:user/alice attached AdministratorAccess to user bob',
    );
    expect(findings[0]?.resources).toEqual(['bob', ADMIN]);
  });

  it('fires for a role attached by an assumed role', () => {
    const event = attach({
      eventName: 'AttachRolePolicy',
      userIdentity: identities.assumedRole('ci-deployer', 'build-8814'),
      requestParameters: { roleName: 'lambda-exec', policyArn: ADMIN },
    });

    const [finding] = detect(iamAdminPolicyAttached, event);

    expect(finding?.summary).toContain('to role lambda-exec');
    expect(finding?.dedupKey).toBe(
      '111122223333|arn:aws:sts::111122223333:assumed-role/ci-deployer|role lambda-exec',
    );
  });

  it('fires for a group attached by an SSO session and by root', () => {
    for (const userIdentity of [identities.ssoUser(), identities.root()]) {
      const event = attach({
        eventName: 'AttachGroupPolicy',
        userIdentity,
        requestParameters: { groupName: 'Developers', policyArn: ADMIN },
      });

      expect(detect(iamAdminPolicyAttached, event)[0]?.summary).toContain('to group Developers');
    }
  });

  it.each([
    'arn:aws-us-gov:iam::aws:policy/AdministratorAccess',
    'arn:aws-cn:iam::aws:policy/AdministratorAccess',
  ])('fires in another partition: %s', (policyArn) => {
    const event = attach({ requestParameters: { userName: 'bob', policyArn } });

    expect(detect(iamAdminPolicyAttached, event)).toHaveLength(1);
  });

  it.each([
    ['a read-only managed policy', 'arn:aws:iam::aws:policy/ReadOnlyAccess'],
    ['a scoped policy sharing the prefix', 'arn:aws:iam::aws:policy/AdministratorAccess-Amplify'],
    // Its content is unknown here; iam-policy-grants-full-admin judges it when it is written.
    [
      'a customer policy named AdministratorAccess',
      'arn:aws:iam::111122223333:policy/AdministratorAccess',
    ],
    ['a customer policy under a path', 'arn:aws:iam::111122223333:policy/aws/AdministratorAccess'],
  ])('ignores %s', (_label, policyArn) => {
    const event = attach({ requestParameters: { userName: 'bob', policyArn } });

    expect(detect(iamAdminPolicyAttached, event)).toEqual([]);
  });

  it('ignores a failed attach', () => {
    expect(detect(iamAdminPolicyAttached, failed(attach()))).toEqual([]);
  });

  it('ignores detaching AdministratorAccess', () => {
    expect(detect(iamAdminPolicyAttached, attach({ eventName: 'DetachUserPolicy' }))).toEqual([]);
  });

  it('ignores missing or malformed request parameters', () => {
    expect(detect(iamAdminPolicyAttached, attach({ requestParameters: null }))).toEqual([]);
    expect(
      detect(iamAdminPolicyAttached, attach({ requestParameters: { policyArn: [ADMIN] } })),
    ).toEqual([]);
  });
});
