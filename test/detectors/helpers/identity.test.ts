import { describe, expect, it } from 'vitest';
import {
  isRootCaller,
  principalForDedup,
  principalOf,
} from '../../../detectors/helpers/identity.js';
import { cloudTrailEvent, identities } from '../../helpers/events.js';

describe('Helper: principalOf', () => {
  it.each(Object.entries(identities))('returns a non-empty stable name for %s', (_name, make) => {
    const event = cloudTrailEvent({ userIdentity: make() });
    expect(principalOf(event)).not.toBe('');
    expect(principalOf(event)).toBe(principalOf(event));
  });

  it('handles a missing userIdentity', () => {
    expect(principalOf(cloudTrailEvent({ userIdentity: undefined }))).toBe('unknown');
  });
});

describe('Helper: principalForDedup', () => {
  it('drops the caller-chosen session name of an assumed role', () => {
    const a = cloudTrailEvent({ userIdentity: identities.assumedRole('Ops', 'session-1') });
    const b = cloudTrailEvent({ userIdentity: identities.assumedRole('Ops', 'session-2') });
    expect(principalForDedup(a)).toBe(principalForDedup(b));
    expect(principalForDedup(a)).toBe('arn:aws:sts::111122223333:assumed-role/Ops');
  });
});

describe('Helper: isRootCaller', () => {
  it('counts root API calls and root console actions', () => {
    expect(isRootCaller(cloudTrailEvent({ userIdentity: identities.root() }))).toBe(true);
    const console = { ...identities.root(), invokedBy: 'signin.amazonaws.com' };
    expect(isRootCaller(cloudTrailEvent({ userIdentity: console }))).toBe(true);
  });

  it('does not count services acting for root or service events', () => {
    const viaService = { ...identities.root(), invokedBy: 'cloudformation.amazonaws.com' };
    expect(isRootCaller(cloudTrailEvent({ userIdentity: viaService }))).toBe(false);
    expect(
      isRootCaller(
        cloudTrailEvent({ userIdentity: identities.root(), eventType: 'AwsServiceEvent' }),
      ),
    ).toBe(false);
  });
});
