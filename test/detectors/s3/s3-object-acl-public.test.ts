import { describe, expect, it } from 'vitest';
import {
  ALL_USERS,
  allUsersReadAcl,
  BUCKET,
  KEY,
  objectEvent,
} from '../../../detectors/s3/s3-object-acl-public.examples.js';
import { s3ObjectAclPublic } from '../../../detectors/s3/s3-object-acl-public.js';
import { detect } from '../../helpers/detect.js';
import { failed } from '../../helpers/events.js';

describe('Detector: s3-object-acl-public', () => {
  it('fires when PutObjectAcl grants AllUsers READ', () => {
    // Prepare
    const event = objectEvent('PutObjectAcl', allUsersReadAcl);

    // Act
    const findings = detect(s3ObjectAclPublic, event);

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.resources).toEqual([`arn:aws:s3:::${BUCKET}/${KEY}`]);
    expect(findings[0]?.summary).toContain(KEY);
  });

  it('fires when PutObject uploads with a public-read canned ACL', () => {
    const event = objectEvent('PutObject', { 'x-amz-acl': 'public-read' });

    expect(detect(s3ObjectAclPublic, event)[0]?.severity).toBe('high');
  });

  it('fires when CopyObject writes a public copy', () => {
    const event = objectEvent('CopyObject', {
      'x-amz-copy-source': `private-stage/${KEY}`,
      'x-amz-acl': ['public-read'],
    });

    expect(detect(s3ObjectAclPublic, event)[0]?.summary).toContain('CopyObject');
  });

  it('is critical when the public gets FULL_CONTROL through a grant header', () => {
    const event = objectEvent('PutObjectAcl', { 'x-amz-grant-full-control': `uri="${ALL_USERS}"` });

    expect(detect(s3ObjectAclPublic, event)[0]?.severity).toBe('critical');
  });

  it('groups objects of one bucket under one dedup key', () => {
    const first = detect(
      s3ObjectAclPublic,
      objectEvent('PutObject', { 'x-amz-acl': 'public-read' }),
    );
    const second = detect(
      s3ObjectAclPublic,
      objectEvent('PutObject', { key: 'builds/other.zip', 'x-amz-acl': 'public-read' }),
    );

    expect(first[0]?.dedupKey).toBe(second[0]?.dedupKey);
  });

  it('ignores PutObject with bucket-owner-full-control', () => {
    const event = objectEvent('PutObject', { 'x-amz-acl': 'bucket-owner-full-control' });

    expect(detect(s3ObjectAclPublic, event)).toEqual([]);
  });

  it('ignores PutObject without an ACL', () => {
    expect(detect(s3ObjectAclPublic, objectEvent('PutObject', {}))).toEqual([]);
  });

  it('ignores a failed PutObjectAcl call', () => {
    const event = failed(objectEvent('PutObjectAcl', { 'x-amz-acl': ['public-read'] }));

    expect(detect(s3ObjectAclPublic, event)).toEqual([]);
  });

  it('ignores the same event name from another service', () => {
    const event = objectEvent(
      'PutObject',
      { 'x-amz-acl': 'public-read' },
      { eventSource: 's3-outposts.amazonaws.com' },
    );

    expect(detect(s3ObjectAclPublic, event)).toEqual([]);
  });

  it('ignores a record without request parameters', () => {
    const event = objectEvent('PutObjectAcl', {}, { requestParameters: null });

    expect(detect(s3ObjectAclPublic, event)).toEqual([]);
  });
});
