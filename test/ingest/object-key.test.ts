import { describe, expect, it } from 'vitest';
import { classifyKey } from '../../ingest/object-key.js';

describe('classifyKey', () => {
  it.each([
    ['AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/11/20/d.json.gz', 'cloudtrail-digest'],
    [
      's3://b/AWSLogs/o-abc123defg/111122223333/CloudTrail-Digest/us-east-1/2026/11/20/d.json.gz',
      'cloudtrail-digest',
    ],
    [
      's3://b/custom/prefix/AWSLogs/111122223333/CloudTrail-Insight/us-east-1/2026/11/20/i.json.gz',
      'cloudtrail-insight',
    ],
    [
      'downloads/111122223333_CloudTrail-Digest_us-east-1_trail_us-east-1_20261120T100000Z.json.gz',
      'cloudtrail-digest',
    ],
    [
      'downloads/111122223333_CloudTrail-Insight_us-east-1_20261120T1000Z_abc.json.gz',
      'cloudtrail-insight',
    ],
    ['C:\\logs\\AWSLogs\\111122223333\\CloudTrail-Digest\\d.json.gz', 'cloudtrail-digest'],
    ['s3://b/AWSLogs/111122223333/CloudTrail/', 'directory-marker'],
  ])('classifies %s as %s', (name, reason) => {
    expect(classifyKey(name)?.reason).toBe(reason);
  });

  it.each([
    'AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20/111122223333_CloudTrail_us-east-1_20261120T1005Z_abc.json.gz',
    's3://b/AWSLogs/o-abc123defg/111122223333/CloudTrail/us-gov-west-1/2026/11/20/f.json.gz',
    's3://CloudTrail-Digest/AWSLogs/1/CloudTrail/f.json.gz',
    'logs/my-CloudTrail-Digest-notes/f.json.gz',
  ])('reads %s', (name) => {
    expect(classifyKey(name)).toBeUndefined();
  });
});
