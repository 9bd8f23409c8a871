import {
  accessLogAnonymousRequests,
  bucketAnonymousRequests,
  bucketConfigChanges,
  bucketObjectReads,
  principalTimeline,
} from '../queries/index.js';
import type { Runbook } from '../schema.js';
import { denyAllForUser, detectionGapStep, timelineStep } from './shared-steps.js';

export const s3PublicExposure: Runbook = {
  id: 's3-public-exposure',
  title: 'S3 bucket or object exposed publicly',
  summary:
    'A bucket policy, bucket or object ACL, or the removal of Block Public Access made data ' +
    'readable (or writable) by anyone. Close the exposure first, then find out whether anyone ' +
    'used it.',
  detectors: [
    'resource-policy-made-public',
    's3-access-point-block-public-access-off',
    's3-access-point-policy-opened',
    's3-block-public-access-removed',
    's3-bucket-acl-public',
    's3-bucket-config-changed',
    's3-bucket-policy-external-account',
    's3-bucket-policy-public',
    's3-object-acl-cross-account',
    's3-object-acl-public',
    's3-replication-to-external-account',
  ],
  severity: {
    P1: 'Sensitive data exposed and anonymous reads seen, or account-level Block Public Access removed.',
    P2: 'Bucket with sensitive data exposed, no evidence of reads yet (or no data events/access logs to tell).',
    P3: 'Exposure of non-sensitive data, or write access granted to authenticated AWS users only.',
    P4: 'Intended public content (website assets) confirmed with the owner.',
  },
  phases: {
    triage: [
      {
        title: 'See the current public status of the bucket',
        command: 'aws s3api get-bucket-policy-status --bucket {bucket}',
      },
      {
        title: 'Read the policy, ACL and Block Public Access settings',
        command:
          'aws s3api get-bucket-policy --bucket {bucket}; aws s3api get-bucket-acl --bucket {bucket}; aws s3api get-public-access-block --bucket {bucket}',
      },
      {
        title: 'Classify the data and ask the owner whether public access is intended',
        detail:
          'Tags, Macie findings or the owner tell whether the bucket holds personal or secret data.',
        command: 'aws s3api get-bucket-tagging --bucket {bucket}',
      },
    ],
    contain: [
      {
        title: 'Block public access on the bucket',
        detail:
          'Overrides public policies and ACLs at once without deleting them (kept as evidence).',
        command:
          'aws s3api put-public-access-block --bucket {bucket} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
        approval: true,
      },
      {
        title: 'If account-level Block Public Access was removed, restore it',
        command:
          'aws s3control put-public-access-block --account-id {account} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
        approval: true,
      },
      denyAllForUser,
    ],
    eradicate: [
      {
        title: 'Remove the public statement or grant',
        detail: 'Save the current policy and ACL with the incident first.',
        command: 'aws s3api delete-bucket-policy --bucket {bucket}',
        approval: true,
      },
      {
        title: 'Disable ACLs so object ACLs cannot expose data again',
        command:
          "aws s3api put-bucket-ownership-controls --bucket {bucket} --ownership-controls 'Rules=[{ObjectOwnership=BucketOwnerEnforced}]'",
        approval: true,
      },
    ],
    recover: [
      {
        title: 'Confirm the bucket is no longer public',
        command: 'aws s3api get-bucket-policy-status --bucket {bucket}',
      },
      {
        title: 'Assess what was read and notify',
        detail:
          'bucket-object-reads, bucket-anonymous-requests and access-log-anonymous-requests list the ' +
          'objects and bytes taken; personal data triggers your breach-notification process.',
      },
    ],
    postIncident: [
      timelineStep,
      {
        title: 'Enforce Block Public Access at the account or organization level',
        command:
          'aws s3control put-public-access-block --account-id {account} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
        approval: true,
      },
      {
        title: 'Turn on S3 data events or server access logs for sensitive buckets',
        detail: 'Without them, whether the exposure was used cannot be answered.',
      },
      detectionGapStep,
    ],
  },
  queries: [
    bucketConfigChanges,
    bucketAnonymousRequests,
    bucketObjectReads,
    accessLogAnonymousRequests,
    principalTimeline,
  ],
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html',
    'https://github.com/aws-samples/aws-customer-playbook-framework',
  ],
};
