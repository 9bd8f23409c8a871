import { ACCOUNT, cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const rdsExport = cloudTrailEvent({
  eventSource: 'rds.amazonaws.com',
  eventName: 'StartExportTask',
  userIdentity: identities.assumedRole('Admin', 'mallory'),
  requestParameters: {
    exportTaskIdentifier: 'orders-export',
    sourceArn: `arn:aws:rds:us-east-1:${ACCOUNT}:snapshot:orders-prod-2026-11-19`,
    s3BucketName: 'staging-exports',
    iamRoleArn: `arn:aws:iam::${ACCOUNT}:role/rds-s3-export`,
    kmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
  },
  responseElements: { exportTaskIdentifier: 'orders-export', status: 'STARTING' },
});

const dynamoToStranger = cloudTrailEvent({
  eventSource: 'dynamodb.amazonaws.com',
  eventName: 'ExportTableToPointInTime',
  requestParameters: {
    tableArn: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/customers`,
    s3Bucket: 'drop-zone-7731',
    s3BucketOwner: '999988887777',
    exportFormat: 'DYNAMODB_JSON',
  },
});

const storeImage = cloudTrailEvent({
  eventSource: 'ec2.amazonaws.com',
  eventName: 'CreateStoreImageTask',
  requestParameters: {
    CreateStoreImageTaskRequest: { ImageId: 'ami-0abcdef1234567890', Bucket: 'ami-archive' },
  },
  responseElements: {
    CreateStoreImageTaskResponse: { objectKey: 'ami-0abcdef1234567890.bin', requestId: 'x1' },
  },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'an RDS snapshot is exported to S3', events: [rdsExport] },
    { name: 'a DynamoDB table is exported to a foreign bucket (high)', events: [dynamoToStranger] },
    { name: 'an AMI is stored to S3', events: [storeImage] },
  ],
  noFire: [
    { name: 'a denied export', events: [failed(rdsExport, 'AccessDenied')] },
    {
      name: 'an export task is cancelled',
      events: [{ ...rdsExport, eventName: 'CancelExportTask' }],
    },
    {
      name: 'Application Discovery Service StartExportTask',
      events: [{ ...rdsExport, eventSource: 'discovery.amazonaws.com' }],
    },
  ],
};
