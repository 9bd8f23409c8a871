import {
  accessLogErrorSources,
  accessLogRequestsFromIp,
  bucketObjectReads,
  sourceIpActivity,
} from '../queries/index.js';
import type { Runbook } from '../schema.js';
import { detectionGapStep, timelineStep } from './shared-steps.js';

export const s3BucketScanning: Runbook = {
  id: 's3-bucket-scanning',
  title: 'S3 bucket scanned or enumerated',
  summary:
    'S3 server access logs show one source guessing keys or probing permissions (bursts of ' +
    '403/404). Scanning is noise until something answers 200: find out whether it did.',
  detectors: [],
  severity: {
    P1: 'The scanner received 200s for objects that should not be public.',
    P2: 'Scanning a bucket that holds sensitive data, only errors so far.',
    P3: 'Scanning a public-content bucket.',
    P4: 'Your own tooling (inventory, security scanner) confirmed.',
  },
  phases: {
    triage: [
      {
        title: 'See what the source asked for and what it got',
        detail: 'access-log-requests-from-ip: any 200 on GET.OBJECT is data that left.',
      },
      {
        title: 'Check the bucket is not public',
        command:
          'aws s3api get-bucket-policy-status --bucket {bucket}; aws s3api get-public-access-block --bucket {bucket}',
      },
    ],
    contain: [
      {
        title: 'Block public access if anything answered 200 to an anonymous requester',
        command:
          'aws s3api put-public-access-block --bucket {bucket} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
        approval: true,
      },
      {
        title: 'Deny the scanning address in the bucket policy',
        detail: 'Merge a Deny statement with aws:SourceIp = the address into the current policy.',
        command:
          'aws s3api put-bucket-policy --bucket {bucket} --policy file://policy-with-deny-source.json',
        approval: true,
      },
    ],
    eradicate: [
      {
        title: 'If the requester was authenticated, treat its credentials as compromised',
        detail: 'Follow credential-compromise for that principal.',
      },
    ],
    recover: [
      {
        title: 'Assess the objects served',
        detail:
          'bucket-object-reads and access logs; notify per your breach process if personal data left.',
      },
    ],
    postIncident: [
      timelineStep,
      {
        title: 'Keep access logs where scanners can be seen',
        detail:
          'Server access logging (or CloudTrail data events) on every bucket with sensitive data.',
      },
      detectionGapStep,
    ],
  },
  queries: [accessLogErrorSources, accessLogRequestsFromIp, bucketObjectReads, sourceIpActivity],
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/LogFormat.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-s3-access-logs-to-identify-requests.html',
  ],
};
