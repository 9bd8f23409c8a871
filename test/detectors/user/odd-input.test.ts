import { describe, expect, it } from 'vitest';
import { cloudtrailLoggingStopped } from '../../../detectors/cloudtrail/cloudtrail-logging-stopped.js';
import { cloudTrailEvent } from '../../../detectors/examples/events.js';
import type { Detector } from '../../../detectors/types.js';
import { oddInputCrashes } from '../../../detectors/user/odd-input.js';

const stop = cloudTrailEvent({
  eventSource: 'cloudtrail.amazonaws.com',
  eventName: 'StopLogging',
  requestParameters: { name: 'org-trail' },
  responseElements: { trail: 'org-trail' },
});
const examples = { fire: [{ name: 'stop', events: [stop] }], noFire: [] };

/** Reads fields the careless way: dotted access and string methods. */
const careless: Detector = {
  ...cloudtrailLoggingStopped,
  match: (event) => {
    const name = (event.requestParameters as { name: string }).name;
    return name.startsWith('org') ? { summary: event.userIdentity?.type ?? 'x' } : undefined;
  },
};

describe('Function: oddInputCrashes', () => {
  it('finds nothing for a detector that reads fields with the helpers', () => {
    expect(oddInputCrashes(cloudtrailLoggingStopped, examples)).toEqual([]);
  });

  it('lists each kind of damage a careless detector throws on, once', () => {
    const crashes = oddInputCrashes(careless, {
      fire: [{ name: 'stop', events: [stop, stop] }],
      noFire: [],
    });

    expect(crashes.map((c) => c.variant)).toEqual([
      'requestParameters null',
      'every requestParameters field 42',
      'every requestParameters field ["x"]',
      'every requestParameters field {}',
      'every requestParameters field null',
    ]);
    expect(crashes[0]).toEqual({
      example: 'stop',
      variant: 'requestParameters null',
      error: expect.stringMatching(/^TypeError: /),
    });
  });

  it('passes each example its own settings', () => {
    const seen: unknown[] = [];
    const spy: Detector = {
      ...cloudtrailLoggingStopped,
      match: (_event, ctx) => {
        seen.push(ctx.settings.trustedAccounts);
        return undefined;
      },
    };

    oddInputCrashes(spy, {
      fire: [{ name: 'x', events: [stop], settings: { trustedAccounts: ['444455556666'] } }],
      noFire: [],
    });

    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((s) => JSON.stringify(s) === '["444455556666"]')).toBe(true);
  });
});
