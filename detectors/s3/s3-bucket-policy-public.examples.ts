import { ACCOUNT, cloudTrailEvent, failed, OTHER_ACCOUNT } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** The bucket whose policy every example changes. */
export const BUCKET = 'customer-invoices';
/** ARN pattern for every object in BUCKET. */
export const OBJECTS = `arn:aws:s3:::${BUCKET}/*`;

/** A policy document holding `statements`. */
export const policy = (...statements: unknown[]) => ({
  Version: '2012-10-17',
  Statement: statements,
});

/** PutBucketPolicy as CloudTrail records it: S3 logs the policy already parsed, as an object. */
export const putBucketPolicy = (bucketPolicy: unknown, overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'PutBucketPolicy',
    requestParameters: {
      bucketPolicy,
      bucketName: BUCKET,
      Host: `${BUCKET}.s3.us-east-1.amazonaws.com`,
      policy: '',
    },
    resources: [{ accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${BUCKET}` }],
    ...overrides,
  });

/** Lets anyone read objects. */
export const publicRead = {
  Sid: 'PublicRead',
  Effect: 'Allow',
  Principal: '*',
  Action: 's3:GetObject',
  Resource: OBJECTS,
};

/** Denies requests without TLS: `Principal: "*"` on a Deny, never public. */
export const tlsOnly = {
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [`arn:aws:s3:::${BUCKET}`, OBJECTS],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
};

/** Lets one CloudFront distribution (origin access control) read objects. */
export const cloudFrontOac = {
  Sid: 'AllowCloudFrontServicePrincipal',
  Effect: 'Allow',
  Principal: { Service: 'cloudfront.amazonaws.com' },
  Action: 's3:GetObject',
  Resource: OBJECTS,
  Condition: {
    StringEquals: {
      'AWS:SourceArn': `arn:aws:cloudfront::${ACCOUNT}:distribution/EDFDVBD6EXAMPLE`,
    },
  },
};

export const examples: DetectorExamples = {
  fire: [
    { name: 'anyone may read objects', events: [putBucketPolicy(policy(tlsOnly, publicRead))] },
    {
      name: '{"AWS": "*"} may write and delete',
      events: [
        putBucketPolicy(
          policy({
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
            Resource: OBJECTS,
          }),
        ),
      ],
    },
    {
      name: 'evasion: "restricted" by ForAllValues:StringEquals aws:PrincipalOrgID (true when the key is absent)',
      events: [
        putBucketPolicy(
          policy({
            ...publicRead,
            Condition: { 'ForAllValues:StringEquals': { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
          }),
        ),
      ],
    },
    {
      name: 'evasion: aws:SourceIp split into 0.0.0.0/1 and 128.0.0.0/1',
      events: [
        putBucketPolicy(
          JSON.stringify(
            policy({
              ...publicRead,
              Condition: { IpAddress: { 'aws:SourceIp': ['0.0.0.0/1', '128.0.0.0/1'] } },
            }),
          ),
        ),
      ],
    },
  ],
  noFire: [
    { name: 'TLS-only deny policy', events: [putBucketPolicy(policy(tlsOnly))] },
    {
      name: 'anyone, then denied unless through our VPC endpoint',
      events: [
        putBucketPolicy(
          policy(publicRead, {
            ...tlsOnly,
            Sid: 'DenyOutsideEndpoint',
            Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-0123456789abcdef0' } },
          }),
        ),
      ],
    },
    {
      name: 'anyone in the organisation',
      events: [
        putBucketPolicy(
          policy({
            ...publicRead,
            Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
          }),
        ),
      ],
    },
    {
      name: 'CloudFront origin access control',
      events: [putBucketPolicy(policy(cloudFrontOac))],
    },
    {
      name: 'named partner account (another detector judges cross-account grants)',
      events: [
        putBucketPolicy(
          policy({
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
            Action: 's3:GetObject',
            Resource: OBJECTS,
          }),
        ),
      ],
    },
    { name: 'denied public policy', events: [failed(putBucketPolicy(policy(publicRead)))] },
  ],
};
