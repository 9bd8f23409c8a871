import { describe, expect, it } from 'vitest';
import { s3MassDeletion } from '../../../detectors/s3/s3-mass-deletion.js';
import { detect } from '../../helpers/detect.js';
import { cloudTrailEvent, identities } from '../../helpers/events.js';

const deletion = (
  eventName: string,
  bucket: string,
  userIdentity = identities.iamUser('mallory'),
  key?: string,
) =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName,
    eventCategory: 'Data',
    userIdentity,
    requestParameters: {
      bucketName: bucket,
      ...(key ? { key } : { delete: '', 'x-id': 'DeleteObjects' }),
    },
  });

describe('Detector: s3-mass-deletion', () => {
  it('counts a DeleteObjects batch, which logs no keys', () => {
    const finding = detect(s3MassDeletion, deletion('DeleteObjects', 'data'))[0];

    expect(finding?.summary).toContain('a batch of objects');
  });

  it('groups by principal and bucket, not by session or key', () => {
    const a = detect(
      s3MassDeletion,
      deletion('DeleteObject', 'data', identities.assumedRole('cleanup', 's1'), 'x'),
    )[0];
    const b = detect(
      s3MassDeletion,
      deletion('DeleteObject', 'data', identities.assumedRole('cleanup', 's2'), 'y'),
    )[0];
    const other = detect(
      s3MassDeletion,
      deletion('DeleteObject', 'logs', identities.assumedRole('cleanup', 's1'), 'x'),
    )[0];

    expect(a?.dedupKey).toBe(b?.dedupKey);
    expect(other?.dedupKey).not.toBe(a?.dedupKey);
  });

  it('ignores deletions by an AWS service identity', () => {
    const event = deletion('DeleteObject', 'data', identities.awsService('s3.amazonaws.com'), 'x');

    expect(detect(s3MassDeletion, event)).toEqual([]);
  });
});
