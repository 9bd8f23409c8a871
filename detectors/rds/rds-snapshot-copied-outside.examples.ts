import { ACCOUNT, cloudTrailEvent, failed, identities, OTHER_ACCOUNT } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const SOURCE = `arn:aws:rds:eu-west-1:${ACCOUNT}:snapshot:orders-prod-2026-11-19`;

/** CopyDBSnapshot as RDS logs it, called in the destination region. */
const copy = (
  requestParameters: Record<string, unknown>,
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'rds.amazonaws.com',
    eventName: 'CopyDBSnapshot',
    awsRegion: 'us-east-1',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: {
      sourceDBSnapshotIdentifier: SOURCE,
      targetDBSnapshotIdentifier: 'orders-copy',
      copyTags: false,
      ...requestParameters,
    },
    responseElements: {
      dBSnapshotIdentifier: 'orders-copy',
      dBInstanceIdentifier: 'orders-prod',
      status: 'pending',
      sourceRegion: 'eu-west-1',
      dBSnapshotArn: `arn:aws:rds:us-east-1:${ACCOUNT}:snapshot:orders-copy`,
    },
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    { name: 'a snapshot copied from eu-west-1 to us-east-1', events: [copy({})] },
    {
      name: 'a same-region copy under a KMS key of an unknown account (high)',
      events: [
        copy({
          sourceDBSnapshotIdentifier: 'orders-prod-2026-11-19',
          kmsKeyId: `arn:aws:kms:us-east-1:${OTHER_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
        }),
      ],
    },
    {
      name: 'a cluster snapshot copied into a region outside the allowed ones (high)',
      events: [
        copy(
          {},
          {
            eventName: 'CopyDBClusterSnapshot',
            awsRegion: 'ap-southeast-3',
            requestParameters: {
              sourceDBClusterSnapshotIdentifier: `arn:aws:rds:eu-west-1:${ACCOUNT}:cluster-snapshot:ledger-2026-11-19`,
              targetDBClusterSnapshotIdentifier: 'ledger-copy',
            },
          },
        ),
      ],
      settings: { allowedRegions: ['eu-west-1', 'us-east-1'] },
    },
    {
      name: 'automated backups replicated to another region',
      events: [
        copy(
          {},
          {
            eventName: 'StartDBInstanceAutomatedBackupsReplication',
            requestParameters: {
              sourceDBInstanceArn: `arn:aws:rds:eu-west-1:${ACCOUNT}:db:orders-prod`,
              backupRetentionPeriod: 7,
            },
          },
        ),
      ],
    },
  ],
  noFire: [
    {
      name: 'a same-region copy under an own key',
      events: [
        copy({
          sourceDBSnapshotIdentifier: 'rds:orders-prod-2026-11-19-05-10',
          kmsKeyId: 'alias/rds-snapshots',
        }),
      ],
    },
    {
      name: 'AWS Backup copying across regions',
      events: [
        copy(
          {},
          {
            userIdentity: {
              ...identities.assumedRole('AWSBackupDefaultServiceRole', 'AWSBackup-copy'),
              invokedBy: 'backup.amazonaws.com',
            },
          },
        ),
      ],
    },
    {
      name: 'an outside key that is a trusted account',
      events: [
        copy({
          sourceDBSnapshotIdentifier: 'orders-prod-2026-11-19',
          kmsKeyId: `arn:aws:kms:us-east-1:${OTHER_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
        }),
      ],
      settings: { trustedAccounts: [OTHER_ACCOUNT] },
    },
    { name: 'refused', events: [failed(copy({}), 'AccessDenied')] },
  ],
};
