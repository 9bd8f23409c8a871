import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../detectors/helpers/policy.js';
import { actionMatches, allowsS3Write } from '../../../detectors/helpers/s3-policy.js';

const statement = (fields: Record<string, unknown>) => {
  const parsed = parsePolicy({
    Version: '2012-10-17',
    Statement: { Effect: 'Allow', Principal: '*', Resource: 'arn:aws:s3:::b/*', ...fields },
  });
  if (!parsed?.[0]) throw new Error('test policy did not parse');
  return parsed[0];
};

describe('actionMatches', () => {
  it('matches IAM wildcards case-insensitively', () => {
    expect(actionMatches('s3:Put*', 's3:PutObject')).toBe(true);
    expect(actionMatches('S3:*OBJECT', 's3:DeleteObject')).toBe(true);
    expect(actionMatches('s3:?utObject', 's3:PutObject')).toBe(true);
    expect(actionMatches('*', 's3:DeleteBucket')).toBe(true);
  });

  it('does not match other actions', () => {
    expect(actionMatches('s3:Get*', 's3:PutObject')).toBe(false);
    expect(actionMatches('s3:PutObject', 's3:PutObjectAcl')).toBe(false);
    expect(actionMatches('ec2:*', 's3:PutObject')).toBe(false);
  });

  it('rejects absurdly long patterns without scanning them', () => {
    expect(actionMatches(`${'*a'.repeat(1000)}*`, 's3:PutObject')).toBe(false);
  });
});

describe('allowsS3Write', () => {
  it('is true for put, delete and full wildcards', () => {
    for (const action of ['s3:PutObject', 's3:Delete*', 's3:*', '*', ['s3:GetObject', 's3:Put*']]) {
      expect(allowsS3Write(statement({ Action: action }))).toBe(true);
    }
  });

  it('is false for read-only actions', () => {
    expect(allowsS3Write(statement({ Action: ['s3:GetObject', 's3:ListBucket'] }))).toBe(false);
  });

  it('treats NotAction as everything except the listed actions', () => {
    expect(allowsS3Write(statement({ NotAction: 's3:DeleteObject' }))).toBe(true);
    expect(allowsS3Write(statement({ NotAction: ['s3:Put*', 's3:Delete*'] }))).toBe(false);
  });
});
