import { ACCOUNT, cloudTrailEvent, failed, OTHER_ACCOUNT } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const BUCKET = 'customer-invoices';

/** PutBucketPolicy as CloudTrail logs it: S3 logs the policy parsed, as an object. */
const putPolicy = (...statements: unknown[]) =>
  cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'PutBucketPolicy',
    requestParameters: {
      bucketName: BUCKET,
      Host: `${BUCKET}.s3.us-east-1.amazonaws.com`,
      policy: '',
      bucketPolicy: { Version: '2012-10-17', Statement: statements },
    },
    resources: [{ accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${BUCKET}` }],
  });

const backdoor = putPolicy({
  Sid: 'replica',
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
  Action: ['s3:GetObject', 's3:ListBucket'],
  Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`],
});

export const examples: DetectorExamples = {
  fire: [{ name: 'an untrusted account may read every object', events: [backdoor] }],
  noFire: [
    {
      name: 'the same grant to a trusted account',
      settings: { trustedAccounts: [OTHER_ACCOUNT] },
      events: [backdoor],
    },
    {
      name: 'account pinned to the trusted organisation',
      settings: { trustedOrganizationIds: ['o-abc123def4'] },
      events: [
        putPolicy({
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
          Action: 's3:GetObject',
          Resource: `arn:aws:s3:::${BUCKET}/*`,
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123def4' } },
        }),
      ],
    },
    {
      name: 'CloudFront origin access identity and access control',
      events: [
        putPolicy(
          {
            Effect: 'Allow',
            Principal: {
              AWS: 'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHAPOMQZL',
            },
            Action: 's3:GetObject',
            Resource: `arn:aws:s3:::${BUCKET}/*`,
          },
          {
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
            Resource: `arn:aws:s3:::${BUCKET}/*`,
            Condition: {
              StringEquals: {
                'AWS:SourceArn': `arn:aws:cloudfront::${ACCOUNT}:distribution/EDFDVBD6EXAMPLE`,
              },
            },
          },
        ),
      ],
    },
    {
      name: 'own account role',
      events: [
        putPolicy({
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/reporting` },
          Action: 's3:GetObject',
          Resource: `arn:aws:s3:::${BUCKET}/*`,
        }),
      ],
    },
    {
      name: 'ALB access-log delivery by the regional Elastic Load Balancing account',
      events: [
        putPolicy({
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::127311923021:root' },
          Action: 's3:PutObject',
          Resource: `arn:aws:s3:::${BUCKET}/alb/AWSLogs/${ACCOUNT}/*`,
        }),
      ],
    },
    { name: 'failed call', events: [failed(backdoor)] },
  ],
};
