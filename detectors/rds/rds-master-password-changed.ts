import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import { getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/**
 * True when the call sets a new master password. CloudTrail never logs the value:
 * the request shows `masterUserPassword` as `HIDDEN_DUE_TO_SECURITY_REASONS` (the
 * response's `pendingModifiedValues` as `****`), so presence is the signal.
 */
function setsMasterPassword(event: CloudTrailEvent): boolean {
  const requested = getPath(event.requestParameters, 'masterUserPassword');
  if (requested !== undefined && requested !== null && requested !== '') return true;
  const pending = getPath(event.responseElements, 'pendingModifiedValues', 'masterUserPassword');
  return pending !== undefined && pending !== null && pending !== '';
}

/** The master user password of a database was reset. */
export const rdsMasterPasswordChanged: Detector = {
  id: 'rds-master-password-changed',
  title: 'RDS master user password changed',
  severity: 'medium',
  description:
    'ModifyDBInstance or ModifyDBCluster set a new master user password (RDS, Aurora, ' +
    'DocumentDB and Neptune share these calls). Whoever resets it can log in to the database ' +
    'as its most privileged user without any database credential, the shortest path from ' +
    'cloud access to the data; the reset also locks out whoever held the old password. ' +
    'CloudTrail hides the value, so the field being present is what counts. A reset refused ' +
    'for lack of permission is reported as an attempt one level lower. Calls through ' +
    'CloudFormation or another AWS service are ignored. Benign causes: a database administrator ' +
    'recovering a lost password, infrastructure as code rotating it.',
  attack: ['T1098', 'T1078.004'],
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBInstance.html',
    'https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBCluster.html',
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/logging-using-cloudtrail.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [
    { eventSource: 'rds.amazonaws.com', eventNames: ['ModifyDBInstance', 'ModifyDBCluster'] },
  ],
  match(event) {
    if (!succeeded(event) || calledThroughAwsService(event)) return undefined;
    if (!setsMasterPassword(event)) return undefined;
    const db =
      requestField(event, 'dBInstanceIdentifier', 'dBClusterIdentifier') ?? 'an unnamed database';
    return {
      summary: `${principalOf(event)} reset the master user password of database ${db}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${db}`,
      resources: [db],
    };
  },
};
