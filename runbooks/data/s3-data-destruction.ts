import {
  bucketDestructiveCalls,
  kmsKeyChanges,
  principalTimeline,
  s3DeletionsByHour,
} from '../queries/index.js';
import type { Runbook } from '../schema.js';
import {
  deactivateAccessKey,
  denyAllForUser,
  detectionGapStep,
  revokeRoleSessions,
  timelineStep,
} from './shared-steps.js';

export const s3DataDestruction: Runbook = {
  id: 's3-data-destruction',
  title: 'S3 data destruction or ransomware preparation',
  summary:
    'Versioning suspended, short-expiry lifecycle rules, bulk deletions, Object Lock or ' +
    'encryption changes, or objects rewritten with a customer-provided key (SSE-C): the usual ' +
    'steps of a ransom or wipe of S3 data. Stop the actor before the lifecycle rule runs.',
  detectors: [
    'deletion-protection-disabled',
    'ebs-snapshots-mass-deleted',
    'efs-backup-disabled',
    'efs-file-system-deleted',
    'rds-backup-retention-disabled',
    'rds-cluster-deleted',
    'rds-instance-deleted',
    'rds-snapshots-mass-deleted',
    'recovery-points-deleted',
    's3-bucket-deleted',
    's3-encryption-removed',
    's3-lifecycle-expiration-short',
    's3-many-objects-deleted',
    's3-mass-deletion',
    's3-object-encrypted-with-foreign-kms-key',
    's3-ransom-note-uploaded',
    's3-ssec-reencryption',
    's3-versioning-suspended',
    'sqs-queue-purged',
  ],
  severity: {
    P1: 'Deletions or SSE-C rewrites under way, or versioning suspended together with a short lifecycle rule.',
    P2: 'Versioning suspended or a destructive lifecycle rule added by an unknown actor, no deletions yet.',
    P3: 'Destructive change by a known administrator without a ticket.',
    P4: 'Planned clean-up confirmed with the bucket owner.',
  },
  phases: {
    triage: [
      {
        title: 'Check versioning, lifecycle and Object Lock now',
        command:
          'aws s3api get-bucket-versioning --bucket {bucket}; aws s3api get-bucket-lifecycle-configuration --bucket {bucket}; aws s3api get-object-lock-configuration --bucket {bucket}',
      },
      {
        title: 'See whether old versions still exist (what can be restored)',
        command: 'aws s3api list-object-versions --bucket {bucket} --max-items 100',
      },
      {
        title: 'Identify the actor and every bucket they touched',
        detail: 'bucket-destructive-calls for this bucket, s3-deletions-by-hour for the others.',
      },
    ],
    contain: [
      deactivateAccessKey,
      denyAllForUser,
      revokeRoleSessions,
      {
        title: 'Remove the destructive lifecycle rule before it runs',
        detail: 'Save the current configuration with the incident first.',
        command: 'aws s3api delete-bucket-lifecycle --bucket {bucket}',
        approval: true,
      },
      {
        title: 'Re-enable versioning so further overwrites and deletes keep versions',
        command:
          'aws s3api put-bucket-versioning --bucket {bucket} --versioning-configuration Status=Enabled',
        approval: true,
      },
    ],
    eradicate: [
      {
        title: 'Deny SSE-C writes on the bucket',
        detail:
          'A bucket policy statement denying s3:PutObject when s3:x-amz-server-side-encryption-customer-algorithm is present stops SSE-C rewrites.',
        command: 'aws s3api put-bucket-policy --bucket {bucket} --policy file://deny-sse-c.json',
        approval: true,
      },
      {
        title: 'Review KMS key changes made in the same window',
        detail:
          'kms-key-changes: a disabled or pending-deletion key makes SSE-KMS data unreadable too.',
      },
    ],
    recover: [
      {
        title: 'Restore deleted objects by removing delete markers, or copy back old versions',
        command:
          'aws s3api delete-object --bucket {bucket} --key <KEY> --version-id <DELETE_MARKER_VERSION_ID>',
        approval: true,
      },
      {
        title: 'Restore from backup where versions are gone',
        detail:
          'AWS Backup or replication copies; verify the restored objects against an inventory.',
      },
    ],
    postIncident: [
      timelineStep,
      {
        title: 'Protect critical buckets against deletion',
        detail:
          'Object Lock (governance or compliance mode), replication to an account the workload cannot ' +
          'write to, MFA delete, and an SCP denying PutBucketVersioning Suspended and PutBucketLifecycle to workloads.',
      },
      detectionGapStep,
    ],
  },
  queries: [bucketDestructiveCalls, s3DeletionsByHour, kmsKeyChanges, principalTimeline],
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerSideEncryptionCustomerKeys.html',
    'https://github.com/aws-samples/aws-incident-response-playbooks',
  ],
};
