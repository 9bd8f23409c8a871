import { describe, expect, it } from 'vitest';
import { s3BucketPolicyExternalAccount } from '../../../detectors/s3/s3-bucket-policy-external-account.js';
import { detect } from '../../helpers/detect.js';
import { cloudTrailEvent, OTHER_ACCOUNT } from '../../helpers/events.js';

const putPolicy = (bucketPolicy: unknown) =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'PutBucketPolicy',
    requestParameters: { bucketName: 'data', bucketPolicy },
  });

const policy = (statement: Record<string, unknown>) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Resource: 'arn:aws:s3:::data/*', ...statement }],
});

describe('Detector: s3-bucket-policy-external-account', () => {
  it('is medium for a listing-only grant', () => {
    const event = putPolicy(policy({ Principal: { AWS: OTHER_ACCOUNT }, Action: 's3:ListBucket' }));

    expect(detect(s3BucketPolicyExternalAccount, event)[0]?.severity).toBe('medium');
  });

  it('is high when the grant reaches objects through a wildcard or NotAction', () => {
    for (const grant of [
      { Action: 's3:Get*' },
      { NotAction: 's3:DeleteBucket' },
      { Action: '*' },
    ]) {
      const event = putPolicy(policy({ Principal: { AWS: OTHER_ACCOUNT }, ...grant }));
      expect(detect(s3BucketPolicyExternalAccount, event)[0]?.severity).toBe('high');
    }
  });

  it('fires when `*` is narrowed to a foreign account by condition, and reads JSON strings', () => {
    const event = putPolicy(
      JSON.stringify(
        policy({
          Principal: '*',
          Action: 's3:GetObject',
          Condition: { StringEquals: { 'aws:PrincipalAccount': OTHER_ACCOUNT } },
        }),
      ),
    );

    expect(detect(s3BucketPolicyExternalAccount, event)[0]?.summary).toContain(
      `account ${OTHER_ACCOUNT}`,
    );
  });

  it('leaves fully public statements to s3-bucket-policy-public', () => {
    const event = putPolicy(policy({ Principal: '*', Action: 's3:GetObject' }));

    expect(detect(s3BucketPolicyExternalAccount, event)).toEqual([]);
  });
});

describe('Detector: s3-bucket-policy-external-account, ELB log delivery', () => {
  const elb = (action: unknown) =>
    putPolicy(policy({ Principal: { AWS: 'arn:aws:iam::127311923021:root' }, Action: action }));

  it('does not fire for the regional ELB account delivering access logs', () => {
    expect(detect(s3BucketPolicyExternalAccount, elb('s3:PutObject'))).toEqual([]);
    expect(detect(s3BucketPolicyExternalAccount, elb(['s3:PutObject', 's3:GetBucketAcl']))).toEqual(
      [],
    );
  });

  it('fires when the ELB account is granted more than delivery', () => {
    expect(
      detect(s3BucketPolicyExternalAccount, elb(['s3:PutObject', 's3:GetObject'])),
    ).toHaveLength(1);
  });
});
