import { describe, expect, it } from 'vitest';
import { actorOf, isSsoSession } from '../../../detectors/helpers/actor.js';
import { cloudTrailEvent, identities } from '../../helpers/events.js';

describe('Helper: actorOf', () => {
  it('keeps the session name of IAM Identity Center users', () => {
    const a = cloudTrailEvent({ userIdentity: identities.ssoUser('ana@example.com') });
    const b = cloudTrailEvent({ userIdentity: identities.ssoUser('ben@example.com') });
    expect(actorOf(a)).not.toBe(actorOf(b));
    expect(isSsoSession(a)).toBe(true);
  });

  it('drops caller-chosen session names of other roles', () => {
    const a = cloudTrailEvent({ userIdentity: identities.assumedRole('Ops', 'botocore-1') });
    const b = cloudTrailEvent({ userIdentity: identities.assumedRole('Ops', 'botocore-2') });
    expect(actorOf(a)).toBe(actorOf(b));
    expect(isSsoSession(a)).toBe(false);
  });
});
