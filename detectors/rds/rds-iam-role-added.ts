import { calledThroughAwsService } from '../helpers/aws-service-caller.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { requestField } from '../helpers/request-values.js';
import { isVpceEvent } from '../helpers/vpce-event.js';
import type { Detector } from '../types.js';

/** A database was given an IAM role to call AWS services with. */
export const rdsIamRoleAdded: Detector = {
  id: 'rds-iam-role-added',
  title: 'IAM role added to an RDS database',
  severity: 'medium',
  description:
    'AddRoleToDBInstance or AddRoleToDBCluster associated an IAM role with a database for a ' +
    'feature (s3Import, s3Export, Lambda, SageMaker, Comprehend...). From then on SQL run in the ' +
    'database acts with the role: aws_s3.query_export_to_s3 or SELECT INTO OUTFILE S3 writes ' +
    'tables straight to a bucket, so anyone with a database login can move data out of the ' +
    'account without an AWS credential. Calls through CloudFormation or another AWS service ' +
    'are ignored. Benign causes: enabling S3 import or export, Lambda or machine-learning ' +
    'integrations.',
  attack: ['T1537', 'T1098.003'],
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_AddRoleToDBInstance.html',
    'https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_AddRoleToDBCluster.html',
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/postgresql-s3-export.html',
  ],
  runbook: 'data-exfiltration',
  dedupWindowSeconds: 3600,
  listensTo: [
    { eventSource: 'rds.amazonaws.com', eventNames: ['AddRoleToDBInstance', 'AddRoleToDBCluster'] },
  ],
  match(event) {
    // A network activity event repeats the call without its request: judge the call itself.
    if (!succeeded(event) || calledThroughAwsService(event) || isVpceEvent(event)) return undefined;
    const db =
      requestField(event, 'dBInstanceIdentifier', 'dBClusterIdentifier') ?? 'an unnamed database';
    const role = requestField(event, 'roleArn') ?? 'an unnamed role';
    const feature = requestField(event, 'featureName');
    return {
      summary: `${principalOf(event)} gave database ${db} the role ${role}${feature ? ` for ${feature}` : ''}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${db}`,
      resources: [db, role],
    };
  },
};
