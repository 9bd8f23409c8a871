import { describe, expect, it } from 'vitest';
import { cloudtrailLoggingStopped } from '../../detectors/cloudtrail/cloudtrail-logging-stopped.js';
import { cloudTrailEvent } from '../../detectors/examples/events.js';
import { runExamples } from '../../detectors/examples/run.js';
import type { Detector } from '../../detectors/types.js';

const stop = cloudTrailEvent({
  eventSource: 'cloudtrail.amazonaws.com',
  eventName: 'StopLogging',
  requestParameters: { name: 'org-trail' },
});
const start = { ...stop, eventName: 'StartLogging' };

describe('Function: runExamples', () => {
  it('passes correctly labelled examples', () => {
    const outcomes = runExamples(cloudtrailLoggingStopped, {
      fire: [{ name: 'stop', events: [stop] }],
      noFire: [{ name: 'start', events: [start] }],
    });
    expect(outcomes.every((o) => o.passed)).toBe(true);
  });

  it('fails mislabelled examples with a reason', () => {
    const outcomes = runExamples(cloudtrailLoggingStopped, {
      fire: [{ name: 'start', events: [start] }],
      noFire: [{ name: 'stop', events: [stop] }],
    });
    expect(outcomes.map((o) => o.passed)).toEqual([false, false]);
    expect(outcomes[0]?.reason).toContain('expected an alert');
    expect(outcomes[1]?.reason).toContain('expected no alert');
  });

  it('needs the threshold count to call a threshold detector fired', () => {
    const burst: Detector = {
      ...cloudtrailLoggingStopped,
      threshold: { count: 3, windowSeconds: 60 },
    };
    const outcomes = runExamples(burst, {
      fire: [{ name: 'three', events: [stop, stop, stop] }],
      noFire: [{ name: 'two', events: [stop, stop] }],
    });
    expect(outcomes.every((o) => o.passed)).toBe(true);
  });

  it('counts distinct values for a distinct threshold', () => {
    const distinct: Detector = {
      ...cloudtrailLoggingStopped,
      threshold: { count: 2, windowSeconds: 60, distinct: true },
      match: (e) => ({ summary: 's', distinctValue: String(e.requestParameters?.name) }),
    };
    const other = { ...stop, requestParameters: { name: 'other-trail' } };
    const outcomes = runExamples(distinct, {
      fire: [{ name: 'two trails', events: [stop, other] }],
      noFire: [{ name: 'same trail twice', events: [stop, stop] }],
    });
    expect(outcomes.every((o) => o.passed)).toBe(true);
  });

  it('reports a detector that throws', () => {
    const throwing: Detector = {
      ...cloudtrailLoggingStopped,
      match: () => {
        throw new Error('boom');
      },
    };
    const [outcome] = runExamples(throwing, { fire: [{ name: 'x', events: [stop] }], noFire: [] });
    expect(outcome?.reason).toContain('boom');
  });
});
