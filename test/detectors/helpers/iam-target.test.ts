import { describe, expect, it } from 'vitest';
import {
  describeIamTarget,
  iamTargetOf,
  isAnotherUser,
  policyNamed,
  requestString,
} from '../../../detectors/helpers/iam-target.js';
import { cloudTrailEvent, identities } from '../../helpers/events.js';

const withParams = (requestParameters: Record<string, unknown> | null, overrides = {}) =>
  cloudTrailEvent({ eventName: 'AttachRolePolicy', requestParameters, ...overrides });

describe('requestString', () => {
  it('returns a non-empty string parameter', () => {
    expect(requestString(withParams({ userName: 'bob' }), 'userName')).toBe('bob');
  });

  it('returns undefined for blank, non-string or missing parameters', () => {
    expect(requestString(withParams({ userName: '  ' }), 'userName')).toBeUndefined();
    expect(requestString(withParams({ userName: 42 }), 'userName')).toBeUndefined();
    expect(requestString(withParams({ userName: { nested: 'x' } }), 'userName')).toBeUndefined();
    expect(requestString(withParams(null), 'userName')).toBeUndefined();
  });
});

describe('iamTargetOf', () => {
  it('names the role a policy is attached to, ahead of the policy', () => {
    const event = withParams({
      roleName: 'Deploy',
      policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    });

    expect(iamTargetOf(event)).toEqual({ kind: 'role', name: 'Deploy' });
    expect(policyNamed(event)).toBe('arn:aws:iam::aws:policy/ReadOnlyAccess');
  });

  it('names users and groups', () => {
    expect(iamTargetOf(withParams({ userName: 'bob' }))).toEqual({ kind: 'user', name: 'bob' });
    expect(iamTargetOf(withParams({ groupName: 'Admins' }))).toEqual({
      kind: 'group',
      name: 'Admins',
    });
  });

  it('falls back to the policy for managed-policy calls', () => {
    const event = withParams({ policyArn: 'arn:aws:iam::111122223333:policy/Ops' });

    expect(iamTargetOf(event)).toEqual({
      kind: 'policy',
      name: 'arn:aws:iam::111122223333:policy/Ops',
    });
  });

  it('returns undefined when the request names nothing', () => {
    expect(iamTargetOf(withParams(null))).toBeUndefined();
    expect(describeIamTarget(undefined)).toBe('an unnamed IAM entity');
  });
});

describe('isAnotherUser', () => {
  it('is false for an IAM user naming itself, whatever the case', () => {
    const event = withParams(null, { userIdentity: identities.iamUser('alice') });

    expect(isAnotherUser(event, 'alice')).toBe(false);
    expect(isAnotherUser(event, 'Alice')).toBe(false);
  });

  it('is true for an IAM user naming someone else', () => {
    const event = withParams(null, { userIdentity: identities.iamUser('alice') });

    expect(isAnotherUser(event, 'bob')).toBe(true);
  });

  it('is true for every caller that has no IAM user of its own', () => {
    for (const identity of [
      identities.assumedRole(),
      identities.ssoUser(),
      identities.federatedUser(),
      identities.root(),
    ]) {
      expect(isAnotherUser(withParams(null, { userIdentity: identity }), 'alice')).toBe(true);
    }
  });

  it('treats a federated session naming its issuing user as another principal', () => {
    const event = withParams(null, { userIdentity: identities.federatedUser() });

    expect(isAnotherUser(event, 'federator')).toBe(true);
  });
});
