import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import type { AlertTopics } from './alert-topics.js';

/**
 * The actions each detector handler performs, each on only the resources it touches.
 * Written as explicit statements rather than CDK grant*() calls, which add wildcard
 * actions (kms:ReEncrypt*, kms:GenerateDataKey*) the handlers never use.
 */

/** The log objects the ingest function reads. */
export interface TrailLogs {
  /** ARN pattern of the log objects (`arn:…:s3:::bucket/AWSLogs/*`). */
  readonly logObjectsArn: string;
  /** Key that decrypts them, when they are SSE-KMS encrypted. */
  readonly kmsKeyArn?: string;
}

/**
 * Reading S3 server access-log objects under the given ARN patterns (one per prefix).
 * GetObject only: the access-log bucket is not versioned, so its notifications name no
 * version and the handler never asks for one. SSE-S3 (S3 cannot log to SSE-KMS), so no key.
 */
export function allowReadingAccessLogs(role: Role, logObjectsArns: readonly string[]): void {
  role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'ReadAccessLogObjects',
      actions: ['s3:GetObject'],
      resources: [...logObjectsArns],
    }),
  );
}

/** Reading the log objects (any version), and kms:Decrypt when they are SSE-KMS encrypted. */
export function allowReadingLogs(role: Role, logs: TrailLogs): void {
  role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'ReadTrailLogObjects',
      // The handler reads the exact version a notification names; on a versioned bucket
      // that is GetObject with VersionId, authorised by s3:GetObjectVersion.
      actions: ['s3:GetObject', 's3:GetObjectVersion'],
      resources: [logs.logObjectsArn],
    }),
  );
  if (logs.kmsKeyArn !== undefined) {
    role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'DecryptTrailLogObjects',
        actions: ['kms:Decrypt'],
        resources: [logs.kmsKeyArn],
      }),
    );
  }
}

/** sns:Publish on the alert topics; publishing to a KMS-encrypted topic needs a data key from its key. */
export function allowPublishingAlerts(role: Role, alertTopics: AlertTopics): void {
  role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'PublishAlerts',
      actions: ['sns:Publish'],
      resources: [...alertTopics.topics.values()].map((topic) => topic.topicArn),
    }),
  );
  role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'EncryptAlerts',
      actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
      resources: [alertTopics.key.keyArn],
    }),
  );
}

/**
 * What the DynamoDB alert state store does (alerting/dynamodb-state-store.ts): a consistent
 * read and conditional updates of key state, batched reads and writes of seen-marks.
 */
export function allowStateAccess(role: Role, table: ITable): void {
  role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'ReadWriteDetectorState',
      actions: [
        'dynamodb:GetItem',
        'dynamodb:UpdateItem',
        'dynamodb:BatchGetItem',
        'dynamodb:BatchWriteItem',
      ],
      resources: [table.tableArn],
    }),
  );
}

/**
 * What the invocation-spike detector reads: the Lambda metrics of the account. CloudWatch's
 * ListMetrics and GetMetricData support no resource-level permissions, so `Resource: *` is
 * the only form IAM accepts (the one acknowledged wildcard, infra/lib/acknowledgements.ts).
 */
export function allowReadingMetrics(role: Role): PolicyStatement {
  const statement = new PolicyStatement({
    sid: 'ReadLambdaMetrics',
    actions: ['cloudwatch:ListMetrics', 'cloudwatch:GetMetricData'],
    resources: ['*'],
  });
  role.addToPrincipalPolicy(statement);
  return statement;
}
