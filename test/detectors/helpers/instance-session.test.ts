import { describe, expect, it } from 'vitest';
import { instanceSessionOf } from '../../../detectors/helpers/instance-session.js';
import { cloudTrailEvent, identities } from '../../helpers/events.js';

const withIdentity = (userIdentity: ReturnType<typeof identities.assumedRole> | null) =>
  cloudTrailEvent({ eventName: 'CreateUser', userIdentity });

describe('instanceSessionOf', () => {
  it('reads the instance id from the session name, in either id length', () => {
    for (const id of ['i-0598c7d356eba48d7', 'i-1a2b3c4d']) {
      expect(instanceSessionOf(withIdentity(identities.assumedRole('web', id)))).toBe(id);
    }
  });

  it('recognises an instance id written in upper case, and answers in lower case', () => {
    const event = withIdentity(identities.assumedRole('web', 'I-0598C7D356EBA48D7'));

    expect(instanceSessionOf(event)).toBe('i-0598c7d356eba48d7');
  });

  it('trusts the metadata-service delivery marker whatever the session name', () => {
    const base = identities.assumedRole('web', 'renamed-session');
    const event = withIdentity({
      ...base,
      sessionContext: { ...base.sessionContext, ec2RoleDelivery: '1.0' },
    });

    expect(instanceSessionOf(event)).toBe('unknown instance');
  });

  it.each([
    ['a person’s session', identities.assumedRole('Admin', 'alice')],
    ['a name that only starts like an id', identities.assumedRole('Admin', 'i-am-admin')],
    ['an id with a wrong length', identities.assumedRole('web', 'i-0598c7d356')],
    ['an IAM user', identities.iamUser('i-0598c7d356eba48d7')],
    ['no identity', null],
  ])('answers undefined for %s', (_label, userIdentity) => {
    expect(instanceSessionOf(withIdentity(userIdentity as never))).toBeUndefined();
  });

  it('ignores a blank delivery marker', () => {
    const base = identities.assumedRole('web', 'build');
    const event = withIdentity({
      ...base,
      sessionContext: { ...base.sessionContext, ec2RoleDelivery: ' ' },
    });

    expect(instanceSessionOf(event)).toBeUndefined();
  });
});
