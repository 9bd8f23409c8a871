import { describe, expect, it } from 'vitest';
import { signinSucceeded } from '../../../detectors/helpers/signin-outcome.js';
import { cloudTrailEvent } from '../../helpers/events.js';

describe('Helper: signinSucceeded', () => {
  const event = (responseElements: Record<string, unknown> | null) =>
    cloudTrailEvent({
      eventSource: 'signin.amazonaws.com',
      eventName: 'GetSigninToken',
      responseElements,
    });

  it('reads the outcome stated under the event name', () => {
    expect(signinSucceeded(event({ GetSigninToken: 'Success' }))).toBe(true);
    expect(signinSucceeded(event({ GetSigninToken: 'Failure' }))).toBe(false);
  });

  it('treats a missing outcome as success unless an error is logged', () => {
    expect(signinSucceeded(event(null))).toBe(true);
    expect(signinSucceeded({ ...event(null), errorMessage: 'Failed authentication' })).toBe(false);
  });
});
