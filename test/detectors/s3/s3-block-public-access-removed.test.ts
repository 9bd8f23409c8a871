import { describe, expect, it } from 'vitest';
import {
  allOn,
  BUCKET,
  deleteAccountBlock,
  putAccountBlock,
  putBucketBlock,
} from '../../../detectors/s3/s3-block-public-access-removed.examples.js';
import { s3BlockPublicAccessRemoved } from '../../../detectors/s3/s3-block-public-access-removed.js';
import { detect } from '../../helpers/detect.js';
import { ACCOUNT, cloudTrailEvent, failed } from '../../helpers/events.js';

describe('Detector: s3-block-public-access-removed', () => {
  it('fires when a bucket turns off BlockPublicPolicy', () => {
    // Act
    const findings = detect(
      s3BlockPublicAccessRemoved,
      putBucketBlock({ ...allOn, BlockPublicPolicy: false, RestrictPublicBuckets: false }),
    );

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.resources).toEqual([`arn:aws:s3:::${BUCKET}`]);
    expect(findings[0]?.summary).toContain('BlockPublicPolicy, RestrictPublicBuckets');
  });

  it('reads settings logged as strings', () => {
    const event = putBucketBlock({ ...allOn, IgnorePublicAcls: 'false' });

    expect(detect(s3BlockPublicAccessRemoved, event)[0]?.summary).toContain('IgnorePublicAcls');
  });

  it('treats a setting left out of the PUT as off', () => {
    const event = putBucketBlock({ BlockPublicAcls: true, IgnorePublicAcls: true });

    expect(detect(s3BlockPublicAccessRemoved, event)[0]?.summary).toContain('BlockPublicPolicy');
  });

  it('fires when a bucket-level block is deleted', () => {
    const event = cloudTrailEvent({
      eventSource: 's3.amazonaws.com',
      eventName: 'DeleteBucketPublicAccessBlock',
      requestParameters: {
        publicAccessBlock: '',
        bucketName: BUCKET,
        Host: `${BUCKET}.s3.us-east-1.amazonaws.com`,
      },
    });

    const finding = detect(s3BlockPublicAccessRemoved, event)[0];

    expect(finding?.severity).toBe('high');
    expect(finding?.summary).toContain('removed Block Public Access on bucket');
  });

  it('is critical when the account-level block is deleted', () => {
    const finding = detect(s3BlockPublicAccessRemoved, deleteAccountBlock)[0];

    expect(finding?.severity).toBe('critical');
    expect(finding?.resources).toEqual([`account:${ACCOUNT}`]);
  });

  it('is critical when the account-level block is weakened', () => {
    const event = putAccountBlock({ ...allOn, BlockPublicAcls: 'False' });

    expect(detect(s3BlockPublicAccessRemoved, event)[0]?.severity).toBe('critical');
  });

  it('ignores a bucket block with all four settings on', () => {
    expect(detect(s3BlockPublicAccessRemoved, putBucketBlock(allOn))).toEqual([]);
  });

  it('ignores an account block with all four settings on, as strings', () => {
    const event = putAccountBlock({
      BlockPublicAcls: 'true',
      IgnorePublicAcls: 'true',
      BlockPublicPolicy: 'true',
      RestrictPublicBuckets: 'true',
    });

    expect(detect(s3BlockPublicAccessRemoved, event)).toEqual([]);
  });

  it('ignores failed calls', () => {
    const deleteAccount = cloudTrailEvent({
      eventSource: 's3.amazonaws.com',
      eventName: 'DeleteAccountPublicAccessBlock',
    });

    expect(detect(s3BlockPublicAccessRemoved, failed(deleteAccount))).toEqual([]);
    expect(detect(s3BlockPublicAccessRemoved, failed(putBucketBlock({})))).toEqual([]);
  });

  it('ignores the same event name from another service', () => {
    const event = putBucketBlock({}, { eventSource: 's3-outposts.amazonaws.com' });

    expect(detect(s3BlockPublicAccessRemoved, event)).toEqual([]);
  });

  it('ignores a PUT whose configuration is missing or malformed', () => {
    expect(
      detect(s3BlockPublicAccessRemoved, putBucketBlock({}, { requestParameters: null })),
    ).toEqual([]);
    const odd = putBucketBlock({}, { requestParameters: { PublicAccessBlockConfiguration: 'x' } });
    expect(detect(s3BlockPublicAccessRemoved, odd)).toEqual([]);
  });
});
