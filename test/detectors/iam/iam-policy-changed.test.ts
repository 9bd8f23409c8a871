import { describe, expect, it } from 'vitest';
import {
  attachRolePolicy,
  inlineUserPolicyBySso,
} from '../../../detectors/iam/iam-policy-changed.examples.js';
import { iamPolicyChanged } from '../../../detectors/iam/iam-policy-changed.js';
import { detect } from '../../helpers/detect.js';
import { failed, identities } from '../../helpers/events.js';

const CIS_EVENTS = [
  'DeleteGroupPolicy',
  'DeleteRolePolicy',
  'DeleteUserPolicy',
  'PutGroupPolicy',
  'PutRolePolicy',
  'PutUserPolicy',
  'CreatePolicy',
  'DeletePolicy',
  'CreatePolicyVersion',
  'DeletePolicyVersion',
  'AttachRolePolicy',
  'DetachRolePolicy',
  'AttachUserPolicy',
  'DetachUserPolicy',
  'AttachGroupPolicy',
  'DetachGroupPolicy',
];

describe('Detector: iam-policy-changed', () => {
  it.each(CIS_EVENTS)('fires on a successful %s', (eventName) => {
    const findings = detect(iamPolicyChanged, attachRolePolicy({ eventName }));

    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('low');
  });

  it('names the target and the policy in the summary and resources', () => {
    // Act
    const [finding] = detect(iamPolicyChanged, attachRolePolicy());

    // Assess
    expect(finding?.summary).toBe(
      'arn:aws:iam::111122223333:user/alice called AttachRolePolicy on role ci-deployer ' +
        '(policy arn:aws:iam::aws:policy/ReadOnlyAccess)',
    );
    expect(finding?.resources).toEqual(['ci-deployer', 'arn:aws:iam::aws:policy/ReadOnlyAccess']);
  });

  it('describes an inline policy written to a user', () => {
    const event = inlineUserPolicyBySso();

    expect(detect(iamPolicyChanged, event)[0]?.summary).toContain(
      'PutUserPolicy on user bob (policy s3-reports)',
    );
  });

  it("groups one principal's changes into one dedup key across calls and sessions", () => {
    const first = detect(
      iamPolicyChanged,
      attachRolePolicy({ userIdentity: identities.assumedRole('Deployer', 'run-1') }),
    );
    const second = detect(
      iamPolicyChanged,
      attachRolePolicy({
        eventName: 'DeleteRolePolicy',
        userIdentity: identities.assumedRole('Deployer', 'run-2'),
      }),
    );
    const other = detect(
      iamPolicyChanged,
      attachRolePolicy({ userIdentity: identities.assumedRole('Other', 'run-1') }),
    );

    expect(first[0]?.dedupKey).toBe('111122223333|arn:aws:sts::111122223333:assumed-role/Deployer');
    expect(second[0]?.dedupKey).toBe(first[0]?.dedupKey);
    expect(other[0]?.dedupKey).not.toBe(first[0]?.dedupKey);
  });

  it('still reports a change whose request parameters were not logged', () => {
    const [finding] = detect(iamPolicyChanged, attachRolePolicy({ requestParameters: null }));

    expect(finding?.summary).toContain('an unnamed IAM entity');
    expect(finding?.resources).toEqual([]);
  });

  it('ignores a failed call', () => {
    expect(detect(iamPolicyChanged, failed(attachRolePolicy()))).toEqual([]);
  });

  it('ignores IAM changes outside the CIS set', () => {
    for (const eventName of ['SetDefaultPolicyVersion', 'UpdateAssumeRolePolicy', 'CreateRole']) {
      expect(detect(iamPolicyChanged, attachRolePolicy({ eventName }))).toEqual([]);
    }
  });

  it('ignores Organizations policies that share the event names', () => {
    const scp = attachRolePolicy({
      eventSource: 'organizations.amazonaws.com',
      eventName: 'CreatePolicy',
      requestParameters: { name: 'deny-leave', type: 'SERVICE_CONTROL_POLICY' },
    });

    expect(detect(iamPolicyChanged, scp)).toEqual([]);
  });
});
