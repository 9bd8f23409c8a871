import { describe, expect, it } from 'vitest';
import { deleteObject } from '../../../detectors/s3/s3-many-objects-deleted.examples.js';
import { s3ManyObjectsDeleted } from '../../../detectors/s3/s3-many-objects-deleted.js';
import type { CloudTrailEvent } from '../../../detectors/types.js';
import { detect } from '../../helpers/detect.js';
import { ACCOUNT, cloudTrailEvent, identities } from '../../helpers/events.js';

const batch = (
  requestExtra: Record<string, unknown>,
  resources: NonNullable<CloudTrailEvent['resources']> = [],
) =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'DeleteObjects',
    eventCategory: 'Data',
    userIdentity: identities.assumedRole('etl-worker', 'run-1'),
    requestParameters: { bucketName: 'hr-archive', delete: '', ...requestExtra },
    resources: [
      ...resources,
      { accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::hr-archive' },
    ],
  });

describe('Detector: s3-many-objects-deleted', () => {
  it('counts every key a DeleteObjects record lists, one entry or many', () => {
    const many = batch({
      delete: { Object: [{ Key: 'a.csv' }, { Key: 'b.csv', VersionId: 'v1' }], Quiet: 'true' },
    });
    const one = batch({ delete: { Object: { Key: 'c.csv' } } });

    expect(detect(s3ManyObjectsDeleted, many)[0]?.distinctValues).toEqual([
      'hr-archive/a.csv',
      'hr-archive/b.csv?versionId=v1',
    ]);
    expect(detect(s3ManyObjectsDeleted, one)[0]?.distinctValues).toEqual(['hr-archive/c.csv']);
  });

  it('reads object ARNs of the batch from resources, not prefixes or other buckets', () => {
    const event = batch({}, [
      { type: 'AWS::S3::Object', ARN: 'arn:aws:s3:::hr-archive/2026/x.csv' },
      { type: 'AWS::S3::Object', ARNPrefix: 'arn:aws:s3:::hr-archive/' },
      { type: 'AWS::S3::Object', ARN: 'arn:aws:s3:::other-bucket/y.csv' },
    ]);

    expect(detect(s3ManyObjectsDeleted, event)[0]?.distinctValues).toEqual([
      'hr-archive/2026/x.csv',
    ]);
  });

  it('reports nothing for a batch that names no keys (s3-mass-deletion counts those)', () => {
    expect(detect(s3ManyObjectsDeleted, batch({}))).toEqual([]);
  });

  it('groups one principal across buckets and sessions', () => {
    const a = detect(
      s3ManyObjectsDeleted,
      deleteObject('hr-archive', 'a', { userIdentity: identities.assumedRole('etl', 's1') }),
    )[0];
    const b = detect(
      s3ManyObjectsDeleted,
      deleteObject('legal-holds', 'b', { userIdentity: identities.assumedRole('etl', 's2') }),
    )[0];

    expect(a?.dedupKey).toBe(b?.dedupKey);
    expect(a?.distinctValues).not.toEqual(b?.distinctValues);
  });

  it('ignores deletions by an AWS service identity', () => {
    const event = deleteObject('hr-archive', 'a', {
      userIdentity: identities.awsService('s3.amazonaws.com'),
    });

    expect(detect(s3ManyObjectsDeleted, event)).toEqual([]);
  });
});
