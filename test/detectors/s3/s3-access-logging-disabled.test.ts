import { describe, expect, it } from 'vitest';
import {
  BUCKET,
  putBucketLogging,
  XMLNS,
} from '../../../detectors/s3/s3-access-logging-disabled.examples.js';
import { s3AccessLoggingDisabled } from '../../../detectors/s3/s3-access-logging-disabled.js';
import { detect } from '../../helpers/detect.js';
import { failed, identities } from '../../helpers/events.js';

describe('Detector: s3-access-logging-disabled', () => {
  it('fires when logging is disabled with the namespace-only body', () => {
    // Act
    const findings = detect(s3AccessLoggingDisabled, putBucketLogging({ xmlns: XMLNS }));

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('medium');
    expect(findings[0]?.resources).toEqual([`arn:aws:s3:::${BUCKET}`]);
    expect(findings[0]?.summary).toContain(`disabled server access logging on bucket ${BUCKET}`);
  });

  it('fires when logging is disabled with an empty body', () => {
    const event = putBucketLogging({}, { userIdentity: identities.root() });

    expect(detect(s3AccessLoggingDisabled, event)).toHaveLength(1);
  });

  it('fires when the empty XML element is logged as an empty string', () => {
    expect(detect(s3AccessLoggingDisabled, putBucketLogging(''))).toHaveLength(1);
  });

  it('ignores a call that enables logging to a target bucket', () => {
    const event = putBucketLogging({
      xmlns: XMLNS,
      LoggingEnabled: { TargetBucket: 'central-access-logs', TargetPrefix: `${BUCKET}/` },
    });

    expect(detect(s3AccessLoggingDisabled, event)).toEqual([]);
  });

  it('ignores a failed call', () => {
    expect(detect(s3AccessLoggingDisabled, failed(putBucketLogging({ xmlns: XMLNS })))).toEqual([]);
  });

  it('ignores the same event name from another service', () => {
    const event = putBucketLogging({}, { eventSource: 's3-outposts.amazonaws.com' });

    expect(detect(s3AccessLoggingDisabled, event)).toEqual([]);
  });

  it('does not judge records without a logging status', () => {
    expect(
      detect(s3AccessLoggingDisabled, putBucketLogging({}, { requestParameters: null })),
    ).toEqual([]);
    expect(detect(s3AccessLoggingDisabled, putBucketLogging(undefined))).toEqual([]);
    expect(detect(s3AccessLoggingDisabled, putBucketLogging(['x']))).toEqual([]);
  });
});
