import { describe, expect, it } from 'vitest';
import { cloudtrailLoggingStopped } from '../../../detectors/cloudtrail/cloudtrail-logging-stopped.js';
import { cloudTrailEvent, failed } from '../../../detectors/examples/events.js';
import { attemptSeverity, isDenial } from '../../../detectors/helpers/attempt.js';
import { succeeded } from '../../../detectors/helpers/outcome.js';
import type { CloudTrailEvent, Detector } from '../../../detectors/types.js';
import { detect } from '../../helpers/detect.js';

const stopLogging = (overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'cloudtrail.amazonaws.com',
    eventName: 'StopLogging',
    requestParameters: { name: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail' },
    responseElements: null,
    ...overrides,
  });

/** The shipped detector with attempts switched on or off, so the test does not depend on its metadata. */
const withAttempts = (failures?: 'denied' | 'all'): Detector => ({
  ...cloudtrailLoggingStopped,
  outcome: { attempts: true, ...(failures ? { failures } : {}) },
});
const successOnly: Detector = { ...cloudtrailLoggingStopped, outcome: undefined };

describe('outcome policy: failed calls as attempts', () => {
  it('reports a denied call as an attempt, one severity lower, apart from successes', () => {
    // Arrange
    const denied = failed(stopLogging(), 'AccessDenied');
    // Act
    const [attempt] = detect(withAttempts(), denied);
    const [success] = detect(withAttempts(), stopLogging());
    // Assess
    expect(attempt?.severity).toBe('high');
    expect(attempt?.attempt).toEqual({ errorCode: 'AccessDenied' });
    expect(attempt?.summary).toMatch(/^Attempted, failed with AccessDenied: .*stopped logging/);
    expect(success?.severity).toBe('critical');
    expect(success?.attempt).toBeUndefined();
    expect(attempt?.dedupKey).not.toBe(success?.dedupKey);
  });

  it('keeps the finding pointing at the real (failed) event for evidence', () => {
    const denied = failed(stopLogging(), 'AccessDenied');
    const [attempt] = detect(withAttempts(), denied);
    expect(attempt?.event.errorCode).toBe('AccessDenied');
  });

  it('honours an explicit attempt severity', () => {
    const detector: Detector = {
      ...cloudtrailLoggingStopped,
      outcome: { attempts: true, attemptSeverity: 'critical' },
    };
    const [attempt] = detect(detector, failed(stopLogging(), 'AccessDenied'));
    expect(attempt?.severity).toBe('critical');
  });

  it('ignores failures that are not denials unless the policy asks for all', () => {
    const missing = failed(stopLogging(), 'TrailNotFoundException', 'Unknown trail');
    expect(detect(withAttempts(), missing)).toEqual([]);
    const [any] = detect(withAttempts('all'), missing);
    expect(any?.summary).toMatch(/^Attempted, failed with TrailNotFoundException/);
  });

  it('never reports a failed call for a detector without the policy', () => {
    expect(detect(successOnly, failed(stopLogging(), 'AccessDenied'))).toEqual([]);
  });

  it('hands match the request only, so a response a failed call lacks cannot be read', () => {
    let seen: CloudTrailEvent | undefined;
    const spy: Detector = {
      ...withAttempts(),
      match(event, ctx) {
        seen = event;
        return cloudtrailLoggingStopped.match(event, ctx);
      },
    };
    detect(spy, { ...failed(stopLogging(), 'AccessDenied'), responseElements: { x: 1 } });
    expect(seen && succeeded(seen)).toBe(true);
    expect(seen?.responseElements).toBeUndefined();
  });
});

describe('isDenial', () => {
  it.each([
    'AccessDenied',
    'AccessDeniedException',
    'Client.UnauthorizedOperation',
    'UnauthorizedOperation',
    'NotAuthorizedException',
    'AuthorizationErrorException',
    'ForbiddenException',
    'UnauthorizedAccess',
  ])('%s is a denial', (code) => expect(isDenial(code)).toBe(true));
  it.each([
    'ValidationException',
    'TrailNotFoundException',
    'InsufficientInstanceCapacity',
    'EntityAlreadyExists',
    '',
  ])('%s is not', (code) => expect(isDenial(code)).toBe(false));
});

describe('attemptSeverity', () => {
  it('is one level lower, info stays info', () => {
    expect(attemptSeverity('critical')).toBe('high');
    expect(attemptSeverity('low')).toBe('info');
    expect(attemptSeverity('info')).toBe('info');
  });
});
