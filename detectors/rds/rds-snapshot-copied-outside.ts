import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import { baseEventName } from '../helpers/event-name.js';
import { accountFromArn, accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isTrustedAccount } from '../helpers/resource-principal.js';
import type { Detector, Severity } from '../types.js';

/** The request field naming what is copied, per API. */
const SOURCE_FIELDS: Readonly<Record<string, string>> = {
  CopyDBSnapshot: 'sourceDBSnapshotIdentifier',
  CopyDBClusterSnapshot: 'sourceDBClusterSnapshotIdentifier',
  StartDBInstanceAutomatedBackupsReplication: 'sourceDBInstanceArn',
};

/** The region of an ARN (`arn:aws:rds:<region>:...`), if the value is one. */
function regionFromArn(value: string | undefined): string | undefined {
  if (!value?.startsWith('arn:')) return undefined;
  const region = value.split(':')[3];
  return region && /^[a-z]{2}(?:-[a-z]+)+-\d+$/.test(region) ? region : undefined;
}

/** A database snapshot or its backups were copied to another region or encrypted with an outside key. */
export const rdsSnapshotCopiedOutside: Detector = {
  id: 'rds-snapshot-copied-outside',
  title: 'RDS snapshot copied to another region or under an outside key',
  severity: 'medium',
  description:
    'CopyDBSnapshot or CopyDBClusterSnapshot made a copy of a database snapshot, or ' +
    'StartDBInstanceAutomatedBackupsReplication started replicating backups, into another ' +
    'region than the source (the call is made in the destination region; the source ARN names ' +
    'the source region), or encrypted the copy with a KMS key of an account that is neither this ' +
    'one nor trusted. A copy in a region nobody watches, or under a key an attacker holds, is a ' +
    'step towards taking the whole database: the next one is sharing or restoring it. High for ' +
    'an outside key, or a destination outside allowedRegions; medium otherwise. Copies made by ' +
    'AWS Backup or another AWS service (invokedBy) are ignored. Benign causes: disaster-recovery ' +
    'copies to a second region, migrations.',
  attack: ['T1537', 'T1578.001'],
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CopyDBSnapshot.html',
    'https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CopyDBClusterSnapshot.html',
    'https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_StartDBInstanceAutomatedBackupsReplication.html',
  ],
  runbook: 'data-exfiltration',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 'rds.amazonaws.com', eventNames: Object.keys(SOURCE_FIELDS) }],
  match(event, ctx) {
    if (!succeeded(event) || calledThroughAwsService(event)) return undefined;
    const field = SOURCE_FIELDS[baseEventName(event.eventName)];
    if (!field) return undefined;
    const source = requestField(event, field);
    const own = accountOf(event);
    const target = event.awsRegion ?? undefined;
    const from = regionFromArn(source) ?? requestField(event, 'sourceRegion');
    const crossRegion = from !== undefined && target !== undefined && from !== target;
    const key = requestField(event, 'kmsKeyId');
    const keyAccount = accountFromArn(key);
    const outsideKey = keyAccount !== undefined && !isTrustedAccount(keyAccount, own, ctx.settings);
    if (!crossRegion && !outsideKey) return undefined;
    const { allowedRegions } = ctx.settings;
    const unapproved =
      target !== undefined && allowedRegions.length > 0 && !allowedRegions.includes(target);
    const severity: Severity | undefined = outsideKey || unapproved ? 'high' : undefined;
    const copy = requestField(
      event,
      'targetDBSnapshotIdentifier',
      'targetDBClusterSnapshotIdentifier',
    );
    const what = source ?? 'an unnamed snapshot';
    const where = crossRegion
      ? ` from ${from} to ${target}${unapproved ? ' (outside the allowed regions)' : ''}`
      : '';
    const under = outsideKey ? ` encrypted with KMS key ${key} of account ${keyAccount}` : '';
    return {
      summary: `${principalOf(event)} copied ${what}${copy ? ` as ${copy}` : ''}${where}${under}`,
      severity,
      dedupKey: `${own}|${principalForDedup(event)}|${target ?? ''}|${keyAccount ?? ''}`,
      resources: [what, ...(copy ? [copy] : [])],
    };
  },
};
