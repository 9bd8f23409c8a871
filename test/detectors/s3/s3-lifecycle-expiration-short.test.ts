import { describe, expect, it } from 'vitest';
import { s3LifecycleExpirationShort } from '../../../detectors/s3/s3-lifecycle-expiration-short.js';
import { detect } from '../../helpers/detect.js';
import { cloudTrailEvent } from '../../helpers/events.js';

const putLifecycle = (configuration: unknown, eventTime = '2026-11-20T10:00:00Z') =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'PutBucketLifecycle',
    eventTime,
    requestParameters: {
      bucketName: 'org-logs',
      lifecycle: '',
      LifecycleConfiguration: configuration,
    },
  });

describe('Detector: s3-lifecycle-expiration-short', () => {
  it('reads day counts logged as strings and lower-case keys', () => {
    const event = putLifecycle({ rule: { status: 'enabled', expiration: { days: '7' } } });

    expect(detect(s3LifecycleExpirationShort, event)[0]?.summary).toContain(
      'objects after 7 day(s)',
    );
  });

  it('does not fire at 8 days', () => {
    const event = putLifecycle({ Rule: { Status: 'Enabled', Expiration: { Days: 8 } } });

    expect(detect(s3LifecycleExpirationShort, event)).toEqual([]);
  });

  it('fires for an expiration date within a week of the call, not for one months away', () => {
    const soon = putLifecycle({
      Rule: { Status: 'Enabled', Expiration: { Date: '2026-11-22T00:00:00Z' } },
    });
    const later = putLifecycle({
      Rule: { Status: 'Enabled', Expiration: { Date: '2027-06-01T00:00:00Z' } },
    });

    expect(detect(s3LifecycleExpirationShort, soon)).toHaveLength(1);
    expect(detect(s3LifecycleExpirationShort, later)).toEqual([]);
  });

  it('is high on a log bucket and low elsewhere', () => {
    const event = putLifecycle({ Rule: { Status: 'Enabled', Expiration: { Days: 1 } } });

    expect(detect(s3LifecycleExpirationShort, event)[0]?.severity).toBe('low');
    expect(
      detect(s3LifecycleExpirationShort, event, { logBuckets: ['org-logs'] })[0]?.severity,
    ).toBe('high');
  });

  it.each([
    ['null request', null],
    ['configuration as a string', 'x'],
    [
      'rules of odd types',
      { Rule: [null, 3, { Status: 'Enabled', Expiration: { Days: 'soon' } }] },
    ],
  ])('does not fire or throw on %s', (_name, configuration) => {
    const event =
      configuration === null
        ? cloudTrailEvent({ eventSource: 's3.amazonaws.com', eventName: 'PutBucketLifecycle' })
        : putLifecycle(configuration);

    expect(detect(s3LifecycleExpirationShort, event)).toEqual([]);
  });
});
