import { describe, expect, it } from 'vitest';
import { cloudtrailLoggingStopped } from '../../../detectors/cloudtrail/cloudtrail-logging-stopped.js';
import { cloudTrailEvent } from '../../../detectors/examples/events.js';
import { testDetectors } from '../../../detectors/user/test-report.js';

const stop = cloudTrailEvent({
  eventSource: 'cloudtrail.amazonaws.com',
  eventName: 'StopLogging',
  requestParameters: { name: 'org-trail' },
});
const start = { ...stop, eventName: 'StartLogging' };
const builtin = [{ detector: cloudtrailLoggingStopped, source: 'builtin' as const }];

describe('Function: testDetectors', () => {
  it('is ok when both kinds exist and pass', () => {
    const report = testDetectors(
      builtin,
      new Map([
        [
          'cloudtrail-logging-stopped',
          {
            fire: [{ name: 'stop', events: [stop] }],
            noFire: [{ name: 'start', events: [start] }],
          },
        ],
      ]),
    );

    expect(report.ok).toBe(true);
    expect(report.totals).toMatchObject({ examples: 2, passed: 2, failed: 0, incomplete: 0 });
  });

  it('counts failed examples', () => {
    const report = testDetectors(
      builtin,
      new Map([
        [
          'cloudtrail-logging-stopped',
          {
            fire: [{ name: 'start', events: [start] }],
            noFire: [{ name: 'start', events: [start] }],
          },
        ],
      ]),
    );

    expect(report.ok).toBe(false);
    expect(report.totals).toMatchObject({ passed: 1, failed: 1 });
  });

  it('is not ok when a kind of example is missing, even if the rest pass', () => {
    const report = testDetectors(
      builtin,
      new Map([
        ['cloudtrail-logging-stopped', { fire: [{ name: 'stop', events: [stop] }], noFire: [] }],
      ]),
    );

    expect(report.ok).toBe(false);
    expect(report.detectors[0]?.missing).toEqual(['noFire']);
    expect(report.totals.incomplete).toBe(1);
  });

  it('reports a detector with no examples at all as missing both kinds', () => {
    const report = testDetectors(builtin, new Map());

    expect(report.detectors[0]?.missing).toEqual(['fire', 'noFire']);
    expect(report.detectors[0]?.outcomes).toEqual([]);
  });

  it('is not ok when a user file failed to load', () => {
    const report = testDetectors([], new Map(), [
      { file: 'rules/x.ts', reason: 'cannot be loaded' },
    ]);

    expect(report.ok).toBe(false);
    expect(report.totals.loadProblems).toBe(1);
  });
});
