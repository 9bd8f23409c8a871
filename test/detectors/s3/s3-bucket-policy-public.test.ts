import { describe, expect, it } from 'vitest';
import {
  BUCKET,
  cloudFrontOac,
  OBJECTS,
  policy,
  publicRead,
  putBucketPolicy,
  tlsOnly,
} from '../../../detectors/s3/s3-bucket-policy-public.examples.js';
import { s3BucketPolicyPublic } from '../../../detectors/s3/s3-bucket-policy-public.js';
import { detect } from '../../helpers/detect.js';
import { ACCOUNT, failed, OTHER_ACCOUNT } from '../../helpers/events.js';

describe('Detector: s3-bucket-policy-public', () => {
  it('fires when a statement lets anyone read objects', () => {
    // Act
    const findings = detect(s3BucketPolicyPublic, putBucketPolicy(policy(tlsOnly, publicRead)));

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.resources).toEqual([`arn:aws:s3:::${BUCKET}`]);
    expect(findings[0]?.summary).toContain(BUCKET);
  });

  it('fires when the policy is logged as a JSON string', () => {
    const event = putBucketPolicy(JSON.stringify(policy(publicRead)));

    expect(detect(s3BucketPolicyPublic, event)[0]?.severity).toBe('high');
  });

  it('is critical when {"AWS": "*"} may write and delete', () => {
    const event = putBucketPolicy(
      policy({
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        Resource: OBJECTS,
      }),
    );

    const finding = detect(s3BucketPolicyPublic, event)[0];

    expect(finding?.severity).toBe('critical');
    expect(finding?.summary).toContain('public writes or deletes');
  });

  it('is critical for Allow * s3:* even with only a TLS condition', () => {
    const event = putBucketPolicy(
      policy({
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:*',
        Resource: OBJECTS,
        Condition: { Bool: { 'aws:SecureTransport': 'true' } },
      }),
    );

    expect(detect(s3BucketPolicyPublic, event)[0]?.severity).toBe('critical');
  });

  it('ignores Allow * restricted to the organisation', () => {
    const event = putBucketPolicy(
      policy({
        ...publicRead,
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
      }),
    );

    expect(detect(s3BucketPolicyPublic, event)).toEqual([]);
  });

  it('ignores a TLS-only Deny policy', () => {
    expect(detect(s3BucketPolicyPublic, putBucketPolicy(policy(tlsOnly)))).toEqual([]);
  });

  it('ignores an Allow to a specific account and role', () => {
    const event = putBucketPolicy(
      policy({
        Effect: 'Allow',
        Principal: {
          AWS: [`arn:aws:iam::${OTHER_ACCOUNT}:root`, `arn:aws:iam::${ACCOUNT}:role/Reporting`],
        },
        Action: ['s3:GetObject', 's3:PutObject'],
        Resource: OBJECTS,
      }),
    );

    expect(detect(s3BucketPolicyPublic, event)).toEqual([]);
  });

  it('ignores CloudFront origin access control', () => {
    const event = putBucketPolicy(policy(cloudFrontOac));

    expect(detect(s3BucketPolicyPublic, event)).toEqual([]);
  });

  it('ignores a failed call', () => {
    expect(detect(s3BucketPolicyPublic, failed(putBucketPolicy(policy(publicRead))))).toEqual([]);
  });

  it('ignores the same event name from another service', () => {
    const event = putBucketPolicy(policy(publicRead), { eventSource: 's3-outposts.amazonaws.com' });

    expect(detect(s3BucketPolicyPublic, event)).toEqual([]);
  });

  it('ignores null, missing or malformed policies', () => {
    for (const bucketPolicy of [null, 'not json', 42, { Statement: 'x' }]) {
      expect(detect(s3BucketPolicyPublic, putBucketPolicy(bucketPolicy))).toEqual([]);
    }
    expect(detect(s3BucketPolicyPublic, putBucketPolicy({}, { requestParameters: null }))).toEqual(
      [],
    );
  });
});
