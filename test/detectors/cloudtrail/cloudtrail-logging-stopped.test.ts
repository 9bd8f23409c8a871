import { describe, expect, it } from 'vitest';
import { cloudtrailLoggingStopped } from '../../../detectors/cloudtrail/cloudtrail-logging-stopped.js';
import { detect } from '../../helpers/detect.js';
import { cloudTrailEvent, failed, identities } from '../../helpers/events.js';

const stopLogging = (overrides = {}) =>
  cloudTrailEvent({
    eventSource: 'cloudtrail.amazonaws.com',
    eventName: 'StopLogging',
    requestParameters: { name: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail' },
    ...overrides,
  });

describe('Detector: cloudtrail-logging-stopped', () => {
  it('fires when a trail stops logging', () => {
    // Act
    const findings = detect(cloudtrailLoggingStopped, stopLogging());

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('critical');
    expect(findings[0]?.resources).toEqual([
      'arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail',
    ]);
    expect(findings[0]?.summary).toContain('stopped logging');
  });

  it('fires when a trail is deleted by an assumed role', () => {
    const event = stopLogging({
      eventName: 'DeleteTrail',
      userIdentity: identities.assumedRole('Ops', 'mallory'),
    });

    expect(detect(cloudtrailLoggingStopped, event)[0]?.summary).toContain('deleted trail');
  });

  it('reports a denied StopLogging call as an attempt, one level lower', () => {
    const [attempt] = detect(cloudtrailLoggingStopped, failed(stopLogging()));

    expect(attempt?.attempt).toEqual({ errorCode: 'AccessDenied' });
    expect(attempt?.severity).toBe('high');
  });

  it('ignores a StopLogging call that failed for another reason', () => {
    const event = failed(stopLogging(), 'TrailNotFoundException', 'Unknown trail');

    expect(detect(cloudtrailLoggingStopped, event)).toEqual([]);
  });

  it('ignores StartLogging', () => {
    expect(detect(cloudtrailLoggingStopped, stopLogging({ eventName: 'StartLogging' }))).toEqual(
      [],
    );
  });

  it('ignores the same event name from another service', () => {
    expect(
      detect(cloudtrailLoggingStopped, stopLogging({ eventSource: 'other.amazonaws.com' })),
    ).toEqual([]);
  });
});
