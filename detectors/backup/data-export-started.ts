import { baseEventName } from '../helpers/event-name.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { deepField, requestField } from '../helpers/request-values.js';
import { isTrustedAccount } from '../helpers/resource-principal.js';
import { isAwsServiceCaller } from '../helpers/service-caller.js';
import type { Detector } from '../types.js';

interface Export {
  readonly source: string;
  readonly what: string;
  /** Request fields naming what is exported, tried in order (at any shallow depth). */
  readonly keys: readonly string[];
}

const EXPORTS: ReadonlyMap<string, Export> = new Map<string, Export>([
  ['StartExportTask', { source: 'rds.amazonaws.com', what: 'RDS snapshot', keys: ['sourceArn'] }],
  [
    'ExportTableToPointInTime',
    { source: 'dynamodb.amazonaws.com', what: 'DynamoDB table', keys: ['tableArn'] },
  ],
  [
    'CreateInstanceExportTask',
    { source: 'ec2.amazonaws.com', what: 'EC2 instance', keys: ['instanceId'] },
  ],
  ['ExportImage', { source: 'ec2.amazonaws.com', what: 'AMI', keys: ['imageId'] }],
  ['CreateStoreImageTask', { source: 'ec2.amazonaws.com', what: 'AMI', keys: ['imageId'] }],
]);

/** Database, table, instance or image data was exported to S3 in bulk. */
export const dataExportStarted: Detector = {
  id: 'data-export-started',
  title: 'Bulk data export to S3 started',
  severity: 'medium',
  description:
    'An RDS snapshot export (StartExportTask), a DynamoDB point-in-time export, an EC2 ' +
    'instance export, or an AMI export or store-to-S3 task started. Each copies a whole ' +
    'database, table or disk into an S3 bucket in one call, where it can be downloaded or ' +
    'replicated away. High when DynamoDB is told the bucket belongs to an account outside ' +
    'this one and trustedAccounts. Benign causes: analytics and data-lake pipelines, ' +
    'migrations, archiving.',
  attack: ['T1537', 'T1530'],
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_StartExportTask.html',
    'https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExportTableToPointInTime.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateInstanceExportTask.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateStoreImageTask.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  listensTo: ['rds.amazonaws.com', 'dynamodb.amazonaws.com', 'ec2.amazonaws.com'].map((source) => ({
    eventSource: source,
    eventNames: [...EXPORTS].filter(([, e]) => e.source === source).map(([name]) => name),
  })),
  match(event, ctx) {
    if (!succeeded(event) || isAwsServiceCaller(event)) return undefined;
    const api = baseEventName(event.eventName);
    const spec = EXPORTS.get(api);
    if (!spec || spec.source !== event.eventSource) return undefined;
    const subject = deepField(event.requestParameters, spec.keys, 3) ?? 'unknown source';
    const bucket = deepField(event.requestParameters, ['s3BucketName', 's3Bucket', 'bucket'], 3);
    const owner = requestField(event, 's3BucketOwner');
    const own = accountOf(event);
    const foreign = owner !== undefined && !isTrustedAccount(owner, own, ctx.settings);
    const to = bucket ? ` to bucket ${bucket}` : '';
    const ownedBy = foreign ? ` owned by account ${owner}` : '';
    return {
      summary: `${principalOf(event)} started exporting ${spec.what} ${subject}${to}${ownedBy}`,
      severity: foreign ? 'high' : 'medium',
      dedupKey: `${own}|${principalForDedup(event)}|${api}|${subject}`,
      resources: bucket ? [subject, bucket] : [subject],
    };
  },
};
