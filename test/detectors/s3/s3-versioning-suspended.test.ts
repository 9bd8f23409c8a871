import { describe, expect, it } from 'vitest';
import { s3VersioningSuspended } from '../../../detectors/s3/s3-versioning-suspended.js';
import { detect } from '../../helpers/detect.js';
import { cloudTrailEvent } from '../../helpers/events.js';

const putVersioning = (configuration: unknown) =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'PutBucketVersioning',
    requestParameters: {
      bucketName: 'data',
      versioning: '',
      VersioningConfiguration: configuration,
    },
  });

describe('Detector: s3-versioning-suspended', () => {
  it('reads MFADelete in either spelling and lower-case values', () => {
    const finding = detect(
      s3VersioningSuspended,
      putVersioning({ Status: 'suspended', MFADelete: 'Disabled' }),
    )[0];

    expect(finding?.summary).toContain('suspended versioning and disabled MFA Delete');
  });

  it('does not fire or throw on an empty or odd configuration', () => {
    for (const configuration of [
      null,
      '',
      { Status: 42 },
      { xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' },
    ]) {
      expect(detect(s3VersioningSuspended, putVersioning(configuration))).toEqual([]);
    }
  });
});
