import { describe, expect, it } from 'vitest';
import { copyEnds } from '../../../detectors/helpers/s3-copy.js';
import { ACCOUNT, cloudTrailEvent, OTHER_ACCOUNT } from '../../helpers/events.js';

const copy = (copySource: unknown, resources: unknown[]) =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'CopyObject',
    requestParameters: { bucketName: 'drop-zone', key: 'x.csv', 'x-amz-copy-source': copySource },
    resources: resources as never,
  });

const bucket = (name: string, accountId?: string) => ({
  type: 'AWS::S3::Bucket',
  ARN: `arn:aws:s3:::${name}`,
  ...(accountId ? { accountId } : {}),
});

describe('copyEnds', () => {
  it('reads both buckets and their owners from the header and resources[]', () => {
    const ends = copyEnds(
      copy('exports/2026/x.csv', [bucket('drop-zone', OTHER_ACCOUNT), bucket('exports', ACCOUNT)]),
    );
    expect(ends).toEqual({
      destinationBucket: 'drop-zone',
      destinationOwner: OTHER_ACCOUNT,
      source: 'exports',
      sourceOwner: ACCOUNT,
    });
  });

  it('decodes a URL-encoded source with a leading slash and a version id', () => {
    const ends = copyEnds(copy('/exports%2F2026%2Fx.csv?versionId=abc', [bucket('drop-zone')]));
    expect(ends?.source).toBe('exports');
    expect(ends?.destinationOwner).toBeUndefined();
  });

  it('takes the account of an access point source from its ARN', () => {
    const arn = `arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/reports/object/2026/x.csv`;
    const ends = copyEnds(copy(encodeURIComponent(arn), []));
    expect(ends?.source).toBe(`arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/reports`);
    expect(ends?.sourceOwner).toBe(ACCOUNT);
  });

  it('does not take a bucket whose name only ends like the destination for it', () => {
    const ends = copyEnds(copy('exports/x.csv', [bucket('old-drop-zone', OTHER_ACCOUNT)]));
    expect(ends?.destinationOwner).toBeUndefined();
  });

  it('survives a malformed escape and odd values', () => {
    expect(copyEnds(copy('%E0%A4%A', []))?.source).toBe('%E0%A4%A');
    expect(copyEnds(copy(42, [null, 'x', { type: 'AWS::S3::Bucket' }]))?.source).toBeUndefined();
    expect(copyEnds(cloudTrailEvent({ requestParameters: null }))).toBeUndefined();
  });
});
